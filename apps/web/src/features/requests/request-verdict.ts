import { REQUEST_VERDICTS, type RequestVerdict, verdictText } from '@switchyard/contract';
import type { BadgeTone } from '../../ui/Badge';

export interface VerdictPresentation {
  label: string;
  tone: BadgeTone;
  /** One sentence: what happened to the request. */
  description: string;
}

/** How each verdict's badge looks; the words are the contract's (VERDICT_TEXT). */
const TONES: Record<RequestVerdict, BadgeTone> = {
  accepted: 'success',
  method_not_allowed: 'warning',
  too_large: 'warning',
  invalid_body: 'danger',
  paused: 'neutral',
  bad_signature: 'danger',
  ip_denied: 'danger',
  duplicate: 'neutral',
  filtered: 'accent',
  rate_limited: 'warning',
  handshake: 'info',
  manual: 'info',
  scheduled: 'success',
  polled: 'success',
  form: 'success',
  poll_failed: 'danger',
  called: 'info',
  held: 'neutral',
  debounced: 'neutral',
  batched: 'neutral',
};

/** Badge text, tone and tooltip of a request verdict; verdicts added later still render. */
export function verdictPresentation(verdict: string): VerdictPresentation {
  const { label, description } = verdictText(verdict);
  return { label, tone: Object.hasOwn(TONES, verdict) ? TONES[verdict as RequestVerdict] : 'neutral', description };
}

export const KNOWN_VERDICTS: readonly string[] = REQUEST_VERDICTS;
