const LABELS: Record<string, string> = {
  accepted: 'run started',
  paused: 'workflow was off',
  bad_signature: 'signature failed',
  duplicate: 'duplicate delivery',
  filtered: 'filtered by the trigger',
  handshake: 'handshake',
  invalid_body: 'unreadable body',
  too_large: 'too large',
  method_not_allowed: 'method not allowed',
  rate_limited: 'rate limited',
};

/** What happened to a recorded request, in a few words for the sample picker. */
export function verdictLabel(verdict: string): string {
  return LABELS[verdict] ?? verdict.replace(/_/g, ' ');
}
