/** What Switchyard decided about an inbound request, stored with it before the sender was answered. */
export const REQUEST_VERDICTS = [
  'accepted',
  'method_not_allowed',
  'too_large',
  'invalid_body',
  'paused',
  'bad_signature',
  'ip_denied',
  'duplicate',
  'filtered',
  'rate_limited',
  'handshake',
  'manual',
  'scheduled',
  'polled',
  'form',
  'poll_failed',
  'called',
  'held',
  'debounced',
  'batched',
] as const;
export type RequestVerdict = (typeof REQUEST_VERDICTS)[number];

export interface VerdictText {
  /** Badge text: `Bad signature`. */
  label: string;
  /** A few words in running text (the builder's sample picker): `signature failed`. */
  phrase: string;
  /** One sentence: what happened to the request. */
  description: string;
}

/** The words for every verdict, in one place for the request log, the builder and the CLI. */
export const VERDICT_TEXT: Record<RequestVerdict, VerdictText> = {
  accepted: { label: 'Accepted', phrase: 'run started', description: 'The request started a run.' },
  method_not_allowed: {
    label: 'Method not allowed',
    phrase: 'method not allowed',
    description: 'The trigger does not accept this HTTP method.',
  },
  too_large: { label: 'Too large', phrase: 'too large', description: 'The body was over the size limit; it was not stored.' },
  invalid_body: {
    label: 'Malformed body',
    phrase: 'unreadable body',
    description: 'The body could not be read as its content type says (for example invalid JSON).',
  },
  paused: {
    label: 'Workflow off',
    phrase: 'workflow was off',
    description: 'The workflow was off: the request was recorded but started no run.',
  },
  bad_signature: {
    label: 'Bad signature',
    phrase: 'signature failed',
    description: 'The signature did not match the trigger’s secret, so the sender could not be trusted.',
  },
  ip_denied: { label: 'IP denied', phrase: 'address not allowed', description: 'The sender’s address is not on the trigger’s allow-list.' },
  duplicate: { label: 'Duplicate', phrase: 'duplicate delivery', description: 'The same delivery arrived before; it was not run twice.' },
  filtered: {
    label: 'Filtered',
    phrase: 'filtered by the trigger',
    description: 'The trigger’s condition did not match, so no run started.',
  },
  rate_limited: { label: 'Rate limited', phrase: 'rate limited', description: 'Too many requests arrived too quickly.' },
  handshake: {
    label: 'Handshake',
    phrase: 'handshake',
    description: 'A verification request from the provider, answered without a run.',
  },
  manual: {
    label: 'Run by hand',
    phrase: 'started by hand',
    description: 'Someone started the workflow with Run now; the reason names who.',
  },
  scheduled: { label: 'Scheduled', phrase: 'scheduled firing', description: 'The workflow’s schedule fired at its planned time.' },
  polled: { label: 'Polled', phrase: 'new item polled', description: 'A poll of the trigger URL found a new item.' },
  poll_failed: {
    label: 'Poll failed',
    phrase: 'poll failed',
    description: 'A poll of the trigger URL failed; the reason says why. It is tried again at the next interval.',
  },
  held: {
    label: 'Held',
    phrase: 'held by flow control',
    description: 'The workflow’s flow control (debounce or batch) holds the event until its window ends.',
  },
  debounced: {
    label: 'Debounced',
    phrase: 'superseded by a later event',
    description: 'A later event with the same key arrived within the debounce window; the reason names the run that handled the key.',
  },
  batched: {
    label: 'Batched',
    phrase: 'joined a batch',
    description: 'The event joined a batch of events with the same key; the reason names the run that handled the batch.',
  },
  form: { label: 'Form', phrase: 'form submitted', description: 'Someone submitted the workflow’s hosted form.' },
  called: {
    label: 'Called',
    phrase: 'called by a workflow',
    description:
      'Another workflow started this one: a Run workflow step, or an error workflow after a run failed; the reason names the run.',
  },
};

export function isRequestVerdict(value: string): value is RequestVerdict {
  return Object.hasOwn(VERDICT_TEXT, value);
}

/** The words for a verdict; a verdict this client does not know yet (a newer server) still reads well. */
export function verdictText(verdict: string): VerdictText {
  if (isRequestVerdict(verdict)) return VERDICT_TEXT[verdict];
  const words = verdict.replace(/[_-]+/g, ' ').trim();
  return {
    label: words ? words[0].toUpperCase() + words.slice(1) : 'Unknown',
    phrase: verdict.replace(/_/g, ' '),
    description: `Verdict "${verdict}".`,
  };
}
