import { z } from 'zod';
import { type FormField, type FormTrigger, MAX_FORM_TEXT_LENGTH } from './form.schema';

/** What a browser sent for one field: a value, repeated values, or nothing. */
export type SentValue = string | string[] | undefined;

/** The answers as the run sees them in `trigger.body`: numbers as numbers, empty optional fields as null. */
export type FormAnswers = Record<string, string | number | null>;

export interface CheckedAnswers {
  /** The answers, when every field is valid. */
  answers: FormAnswers | null;
  /** What the person typed, by field name, to show again with the errors. */
  values: Record<string, string>;
  /** The reason a field was refused, by field name (`is required`, `must be an e-mail address`...). */
  errors: Record<string, string>;
}

const email = z.email();
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Longest answer accepted for a field of this type. */
export function maxLengthOf(field: FormField): number {
  return field.type === 'longtext' ? MAX_FORM_TEXT_LENGTH * 10 : MAX_FORM_TEXT_LENGTH;
}

function validDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCFullYear() === Number(m[1]) && date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]);
}

/** The reason one field's answer is refused, or null, and its value for the run. */
function checkField(field: FormField, text: string): { error: string | null; value: string | number | null } {
  if (text === '') return { error: field.required ? 'is required' : null, value: null };
  if (text.length > maxLengthOf(field)) return { error: `must be at most ${maxLengthOf(field)} characters`, value: null };
  switch (field.type) {
    case 'email':
      return email.safeParse(text).success ? { error: null, value: text } : { error: 'must be an e-mail address', value: null };
    case 'number': {
      const n = Number(text);
      return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) && Number.isFinite(n)
        ? { error: null, value: n }
        : { error: 'must be a number', value: null };
    }
    case 'date':
      return validDate(text) ? { error: null, value: text } : { error: 'must be a date (YYYY-MM-DD)', value: null };
    case 'choice':
      return field.options?.includes(text)
        ? { error: null, value: text }
        : { error: `must be one of the options (${(field.options ?? []).join(', ')})`, value: null };
    default:
      return { error: null, value: text };
  }
}

/**
 * Checks a hosted form's answers on the server, as the browser should have (the same rules as the
 * page's `required`, `type` and `maxlength`), field by field: text is trimmed (long text keeps its
 * inner lines), numbers become numbers, a choice must be one of its options. Fields the form does not
 * list are ignored.
 */
export function checkFormAnswers(trigger: FormTrigger, sent: Record<string, SentValue>): CheckedAnswers {
  // Without a prototype: a field may be called `__proto__` or `constructor`.
  const answers: FormAnswers = Object.create(null);
  const values: Record<string, string> = Object.create(null);
  const errors: Record<string, string> = Object.create(null);
  for (const field of trigger.fields) {
    const raw = Object.hasOwn(sent, field.name) ? sent[field.name] : undefined;
    if (Array.isArray(raw) && raw.length > 1) {
      values[field.name] = String(raw[0] ?? '');
      errors[field.name] = 'must have one value';
      continue;
    }
    const text = String((Array.isArray(raw) ? raw[0] : raw) ?? '')
      .replace(/\r\n/g, '\n')
      .trim();
    values[field.name] = text;
    const { error, value } = checkField(field, text);
    if (error) errors[field.name] = error;
    else answers[field.name] = value;
  }
  return { answers: Object.keys(errors).length ? null : answers, values, errors };
}
