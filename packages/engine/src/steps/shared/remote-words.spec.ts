import { describe, expect, it } from 'vitest';
import { remoteWords } from './remote-words';

describe('remoteWords', () => {
  it('takes the message of a JSON error body', () => {
    expect(remoteWords('{"error":"order service database unavailable"}')).toBe('order service database unavailable');
    expect(remoteWords('{"error":{"code":"db","message":"database unavailable"}}')).toBe('database unavailable');
    expect(remoteWords('[{"detail":"bad amount"}]')).toBe('bad amount');
  });

  it('takes the first lines of a text body, and caps the length', () => {
    expect(remoteWords('Service Unavailable\n\nretry later\nline 3\nline 4')).toBe('Service Unavailable / retry later / line 3');
    expect(remoteWords('x'.repeat(500))).toBe(`${'x'.repeat(200)}…`);
  });

  it('says nothing for an empty body or an HTML page', () => {
    expect(remoteWords('  ')).toBeUndefined();
    expect(remoteWords('<!DOCTYPE html><html><body>502</body></html>')).toBeUndefined();
  });
});
