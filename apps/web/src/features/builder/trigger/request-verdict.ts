import { verdictText } from '@switchyard/contract';

/** What happened to a recorded request, in a few words for the sample picker. */
export function verdictLabel(verdict: string): string {
  return verdictText(verdict).phrase;
}

/**
 * Whether a recorded request can serve as the sample on its own: it passed the trigger's checks
 * (accepted, or recorded while the workflow is off, a duplicate, filtered). A refused one (bad
 * signature 401, method 405, too large, invalid body, IP denied, rate limited) never replaces it.
 */
export function passedChecks(request: { verdict: string }): boolean {
  return ['accepted', 'paused', 'duplicate', 'filtered'].includes(request.verdict);
}
