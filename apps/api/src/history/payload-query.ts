import { ApiError } from '../common/api-error';

/** What a history search asks for: an exact field value, or words found anywhere in the request body. */
export type PayloadSearch = { kind: 'field'; containment: unknown } | { kind: 'words'; words: string };

const EXAMPLES = 'e.g. ann@example.com to find runs whose request contains it, or body.customer.email = "ann@example.com" for one field';
// `body.a.b`, `trigger.body.a[0].b`, `` body.`first name` `` (the paths the run page copies).
const PATH_START = /^\s*(?:trigger\s*\.\s*)?body(?=[.[\s=]|$)/;
const SEGMENT = /^(?:\.([A-Za-z_$][\w$-]*)|\.`((?:[^`\\]|\\.)*)`|\[(\d+)\])/;

function invalid(message: string): ApiError {
  return new ApiError(400, 'validation_failed', `The search is not understood: ${message}`, [{ path: 'q', message }]);
}

/** The keys of a path after `body` (an index means "any element of the array"), and the rest of the text. */
function readPath(text: string): { keys: Array<string | number>; rest: string } {
  const keys: Array<string | number> = [];
  let rest = text;
  for (let m = SEGMENT.exec(rest); m; m = SEGMENT.exec(rest)) {
    keys.push(m[3] !== undefined ? Number(m[3]) : (m[1] ?? m[2].replace(/\\(.)/g, '$1')));
    rest = rest.slice(m[0].length);
  }
  return { keys, rest };
}

/**
 * Turns a history search into what the request-body indexes answer:
 * - a field and a value, `body.customer.email = "a@b.c"` (also as the run page copies it,
 *   `trigger.body.customer.email`, with `[0]` or backticked keys), becomes the JSON containment
 *   document `{"customer":{"email":"a@b.c"}}` (GIN, jsonb_path_ops). An array on the path matches
 *   when any of its elements matches.
 * - anything else is a plain value (an e-mail, an order id, words): runs whose request body has a
 *   text or number value containing it, word for word (GIN on the body's words).
 * A malformed field search is refused with a sentence and an example, naming `q`.
 */
export function parsePayloadQuery(q: string): PayloadSearch {
  const text = q.trim();
  if (text === '') throw invalid(`type something to search for (${EXAMPLES})`);
  const start = PATH_START.exec(text);
  if (!start) {
    const other = /^((?:trigger\s*\.\s*)?[A-Za-z_$][\w$.[\]`-]*)\s*=/.exec(text);
    if (other)
      throw invalid(
        `fields are searched under body: write body.${other[1].replace(/^trigger\s*\.\s*/, '')} = "…" (e.g. body.customer.email = "ann@example.com"), or type a value alone to find it anywhere`,
      );
    return { kind: 'words', words: text };
  }
  const { keys, rest } = readPath(text.slice(start[0].length));
  const eq = /^\s*=\s*/.exec(rest);
  if (!eq) {
    if (rest.trim() === '' && keys.length > 0) {
      throw invalid(`add = and the value to look for after the field, e.g. ${text} = "ann@example.com"`);
    }
    // `body` followed by other words is a plain search that happens to start with "body".
    if (keys.length === 0) return { kind: 'words', words: text };
    throw invalid(`"${rest.trim()}" cannot follow the field path; write it like body.customer.email = "ann@example.com"`);
  }
  if (keys.length === 0) throw invalid('name a field under body before =, e.g. body.customer.email = "ann@example.com"');
  const raw = rest.slice(eq[0].length).trim();
  if (raw === '') throw invalid(`add the value to look for after =, e.g. ${text.replace(/=\s*$/, '')}= "ann@example.com"`);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw invalid(
      `the value after = must be JSON: put text in double quotes (body.customer.email = "ann@example.com"); numbers, true, false and null go as they are`,
    );
  }
  return {
    kind: 'field',
    containment: keys.reduceRight<unknown>((inner, key) => (typeof key === 'number' ? [inner] : { [key]: inner }), value),
  };
}
