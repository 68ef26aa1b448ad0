import { describe, expect, it } from 'vitest';
import { explainError } from './error-explanation';

describe('explainError', () => {
  it('names the HTTP status and the address of a refused call', () => {
    const result = explainError({
      code: 'HTTP_STATUS',
      message: 'POST 127.0.0.1:3000 answered HTTP 500',
      retryable: true,
      details: { status: 500, request: { url: 'http://127.0.0.1:3000/fail', method: 'POST' } },
    });
    expect(result.title).toBe('The service answered HTTP 500');
    expect(result.explanation).toContain('http://127.0.0.1:3000/fail');
    expect(result.hint).toMatch(/replay the run from the failed step/);
    expect(result.retryable).toBe(true);
  });

  it('puts what the service said in the headline', () => {
    const result = explainError({
      code: 'HTTP_STATUS',
      source: 'remote',
      details: { status: 500, bodyExcerpt: '{"error":"order service database unavailable"}' },
    });
    expect(result.title).toBe('The service answered HTTP 500: “order service database unavailable”');
  });

  it('tells a 401 from a 404', () => {
    expect(explainError({ code: 'HTTP_STATUS', details: { status: 401 } }).hint).toMatch(/credentials/);
    expect(explainError({ code: 'HTTP_STATUS', details: { status: 404 } }).hint).toMatch(/URL/);
  });

  it('explains blocked addresses and the setting that opens them', () => {
    const result = explainError({ code: 'EGRESS_BLOCKED', message: '127.0.0.2 is a loopback address' });
    expect(result.title).toBe('Address not allowed');
    expect(result.hint).toContain('SWITCHYARD_EGRESS_ALLOW');
  });

  it('covers limits and JSONata families', () => {
    expect(explainError({ code: 'LIMIT_TIMEOUT' }).title).toBe('Expression took too long');
    expect(explainError({ code: 'T2001' }).title).toBe('Arithmetic on something that is not a number');
    expect(explainError({ code: 'T0410' }).title).toBe('Value of the wrong type');
    expect(explainError({ code: 'D3030' }).title).toBe('Expression could not be evaluated');
    expect(explainError({ code: 'S0201' }).title).toBe('Expression syntax error');
    expect(explainError({ code: 'REGEX_UNSUPPORTED' }).explanation).toContain('linear-time');
  });

  it('falls back for unknown codes and bare strings', () => {
    expect(explainError({ code: 'SOMETHING_NEW', message: 'x' })).toMatchObject({ title: 'The step failed', code: 'SOMETHING_NEW' });
    expect(explainError('boom')).toMatchObject({ title: 'The step failed', code: null, retryable: null });
  });
});
