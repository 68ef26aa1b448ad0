import { describe, expect, it } from 'vitest';
import { ApiError, parseApiError, toApiError } from './api-error';

describe('parseApiError', () => {
  it('keeps code, message and details of a contract error body', () => {
    const error = parseApiError({
      status: 400,
      body: {
        error: {
          code: 'invalid_definition',
          message: 'The workflow definition is invalid',
          details: [{ path: 'steps[1].condition', message: 'Unexpected token at position 4' }],
        },
      },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('invalid_definition');
    expect(error.message).toBe('The workflow definition is invalid');
    expect(error.details).toEqual([{ path: 'steps[1].condition', message: 'Unexpected token at position 4' }]);
  });

  it('defaults a missing code and drops malformed details', () => {
    const error = parseApiError({
      status: 422,
      body: { error: { message: 'Nope', details: [{ path: 'name', message: 'Required' }, 'junk', null] } },
    });
    expect(error.code).toBe('http_422');
    expect(error.details).toEqual([{ path: 'name', message: 'Required' }]);
  });

  it('reads a bare { message } body', () => {
    const error = parseApiError({ status: 404, body: { statusCode: 404, message: 'Route not found' } });
    expect(error.message).toBe('Route not found');
    expect(error.isNotFound).toBe(true);
  });

  it('falls back to the status line for non-JSON bodies', () => {
    expect(parseApiError({ status: 502, statusText: 'Bad Gateway', body: '<html>' }).message).toBe('502 Bad Gateway');
    expect(parseApiError({ status: 500, body: null }).message).toBe('Request failed with status 500');
  });
});

describe('toApiError', () => {
  it('wraps network failures', () => {
    const error = toApiError(new TypeError('Failed to fetch'));
    expect(error.code).toBe('network_error');
    expect(error.status).toBe(0);
    expect(error.message).toContain('Failed to fetch');
  });

  it('passes ApiErrors through', () => {
    const original = new ApiError({ status: 409, code: 'conflict', message: 'Conflict' });
    expect(toApiError(original)).toBe(original);
  });
});
