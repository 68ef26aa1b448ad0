import type { BadgeTone } from '../../ui/Badge';

export interface VerdictPresentation {
  label: string;
  tone: BadgeTone;
  /** One sentence: what happened to the request. */
  description: string;
}

const VERDICTS: Record<string, VerdictPresentation> = {
  accepted: { label: 'Accepted', tone: 'success', description: 'The request started a run.' },
  method_not_allowed: { label: 'Method not allowed', tone: 'warning', description: 'The trigger does not accept this HTTP method.' },
  too_large: { label: 'Too large', tone: 'warning', description: 'The body was over the size limit; it was not stored.' },
  invalid_body: {
    label: 'Malformed body',
    tone: 'danger',
    description: 'The body could not be read as its content type says (for example invalid JSON).',
  },
  paused: { label: 'Workflow off', tone: 'neutral', description: 'The workflow was off: the request was recorded but started no run.' },
  bad_signature: {
    label: 'Bad signature',
    tone: 'danger',
    description: 'The signature did not match the trigger’s secret, so the sender could not be trusted.',
  },
  ip_denied: { label: 'IP denied', tone: 'danger', description: 'The sender’s address is not on the trigger’s allow-list.' },
  duplicate: { label: 'Duplicate', tone: 'neutral', description: 'The same delivery arrived before; it was not run twice.' },
  filtered: { label: 'Filtered', tone: 'accent', description: 'The trigger’s condition did not match, so no run started.' },
  rate_limited: { label: 'Rate limited', tone: 'warning', description: 'Too many requests arrived too quickly.' },
  handshake: { label: 'Handshake', tone: 'info', description: 'A verification request from the provider, answered without a run.' },
};

function humanise(verdict: string): string {
  const words = verdict.replace(/[_-]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : 'Unknown';
}

/** Badge text, tone and tooltip of a request verdict; verdicts added later still render. */
export function verdictPresentation(verdict: string): VerdictPresentation {
  return Object.hasOwn(VERDICTS, verdict)
    ? VERDICTS[verdict]
    : { label: humanise(verdict), tone: 'neutral', description: `Verdict "${verdict}".` };
}

export const KNOWN_VERDICTS = Object.keys(VERDICTS);
