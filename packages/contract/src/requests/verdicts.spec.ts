import { describe, expect, it } from 'vitest';
import { requestVerdictSchema } from './requests.schema';
import { REQUEST_VERDICTS, VERDICT_TEXT, verdictText } from './verdicts';

describe('VERDICT_TEXT', () => {
  it('words every verdict, and only verdicts', () => {
    expect(Object.keys(VERDICT_TEXT).sort()).toEqual([...REQUEST_VERDICTS].sort());
    for (const verdict of REQUEST_VERDICTS) {
      const text = VERDICT_TEXT[verdict];
      expect(text.label, verdict).toMatch(/^[A-Z]/);
      expect(text.phrase, verdict).toMatch(/^[a-z]/);
      expect(text.description, verdict).toMatch(/\.$/);
    }
  });

  it('includes ip_denied (the builder’s old copy lacked it)', () => {
    expect(VERDICT_TEXT.ip_denied.label).toBe('IP denied');
    expect(requestVerdictSchema.parse('ip_denied')).toBe('ip_denied');
  });
});

describe('verdictText', () => {
  it('returns the words of known verdicts', () => {
    expect(verdictText('bad_signature')).toEqual(VERDICT_TEXT.bad_signature);
  });

  it('still reads well for a verdict a newer server added', () => {
    expect(verdictText('geo_blocked')).toEqual({ label: 'Geo blocked', phrase: 'geo blocked', description: 'Verdict "geo_blocked".' });
    expect(verdictText('').label).toBe('Unknown');
    expect(verdictText('toString').label).toBe('ToString');
  });
});
