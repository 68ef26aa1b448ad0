import { verdictText } from '@switchyard/contract';

/** What happened to a recorded request, in a few words for the sample picker. */
export function verdictLabel(verdict: string): string {
  return verdictText(verdict).phrase;
}
