import { describe, expect, it } from 'vitest';
import { ExpressionError } from '../expressions/expression-error';
import { StepError, toStepErrorInfo } from './step-error';

describe('StepError.fromExpression', () => {
  it('names the field, shifts the position by the offset and is never retryable', () => {
    const error = StepError.fromExpression(
      new ExpressionError({ code: 'T2002', kind: 'evaluation', message: 'bad operand', position: 3, token: '+' }),
      'url',
      10,
    );
    expect(error.info).toEqual({ code: 'T2002', message: 'url: bad operand', kind: 'user', retryable: false, field: 'url', position: 13 });
    expect(error.message).toBe('url: bad operand');
  });

  it('leaves the position out when the expression error has none', () => {
    const error = StepError.fromExpression(
      new ExpressionError({ code: 'LIMIT_TIMEOUT', kind: 'limit', message: 'too slow' }),
      'expression',
    );
    expect(error.info.position).toBeUndefined();
  });
});

describe('toStepErrorInfo', () => {
  it('passes a StepError through', () => {
    const info = { code: 'HTTP_STATUS', message: 'x', kind: 'user' as const, retryable: true };
    expect(toStepErrorInfo(new StepError(info))).toBe(info);
  });

  it('classifies an ExpressionError as a user error that is not retryable', () => {
    expect(toStepErrorInfo(new ExpressionError({ code: 'LIMIT_DATA_DEPTH', kind: 'limit', message: 'deep' }))).toEqual({
      code: 'LIMIT_DATA_DEPTH',
      message: 'deep',
      kind: 'user',
      retryable: false,
      position: undefined,
    });
  });

  it('keeps code, kind and retryable of a host error (e.g. the HTTP port)', () => {
    expect(toStepErrorInfo({ code: 'EGRESS_BLOCKED', message: 'private address', kind: 'user', retryable: false })).toEqual({
      code: 'EGRESS_BLOCKED',
      message: 'private address',
      kind: 'user',
      retryable: false,
    });
  });

  it('treats anything unknown as a retryable system error', () => {
    expect(toStepErrorInfo(new Error('boom'))).toEqual({ code: 'INTERNAL_ERROR', message: 'boom', kind: 'system', retryable: true });
    expect(toStepErrorInfo('text')).toEqual({ code: 'INTERNAL_ERROR', message: 'text', kind: 'system', retryable: true });
    expect(toStepErrorInfo(undefined)).toMatchObject({ code: 'INTERNAL_ERROR', retryable: true });
  });
});
