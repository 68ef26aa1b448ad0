import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api';
import { egressLineErrors, parseEgressLines } from './egress-lines';

describe('parseEgressLines', () => {
  it('takes one entry per line or comma, trimmed, without blanks', () => {
    expect(parseEgressLines({ text: ' 10.0.0.0/8\n\nchat.lan, *.corp.example \n' })).toEqual(['10.0.0.0/8', 'chat.lan', '*.corp.example']);
  });
});

describe('egressLineErrors', () => {
  it('names the entry of each detail', () => {
    const error = new ApiError({
      status: 400,
      code: 'validation_failed',
      message: 'The request body is invalid',
      details: [{ path: 'egressAllow[1]', message: 'is not a valid CIDR range' }],
    });
    expect(egressLineErrors({ error, entries: ['10.0.0.0/8', '10.0.0.0/99'] })).toEqual(['“10.0.0.0/99” is not a valid CIDR range']);
    expect(egressLineErrors({ error: new Error('x'), entries: ['a'] })).toEqual([]);
  });
});
