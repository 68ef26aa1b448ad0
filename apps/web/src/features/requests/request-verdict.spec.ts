import { describe, expect, it } from 'vitest';
import { verdictPresentation } from './request-verdict';

describe('verdictPresentation', () => {
  it('labels known verdicts', () => {
    expect(verdictPresentation('invalid_body')).toMatchObject({ label: 'Malformed body', tone: 'danger' });
    expect(verdictPresentation('accepted').tone).toBe('success');
  });

  it('renders unknown verdicts generically', () => {
    expect(verdictPresentation('geo_blocked')).toEqual({ label: 'Geo blocked', tone: 'neutral', description: 'Verdict "geo_blocked".' });
  });
});
