/** Where an expression error points inside the expression text (0-based character offset). */
export interface ExpressionErrorLocation {
  position?: number;
  token?: string;
}

/**
 * An error raised while compiling or evaluating a user expression. `code` is JSONata's own code
 * (e.g. `S0201`, `T2001`) or one of ours: `LIMIT_TIMEOUT`, `LIMIT_DEPTH`, `LIMIT_SEQUENCE`,
 * `LIMIT_ALLOCATION`, `LIMIT_STRING`, `LIMIT_OUTPUT`, `LIMIT_DATA_DEPTH`, `REGEX_UNSUPPORTED`.
 * Expression errors are the user's to fix: never retryable. `cause` keeps JSONata's original error
 * (with details such as `value` or `functionName`) for logs; it is not part of {@link toJSON}.
 */
export class ExpressionError extends Error {
  readonly code: string;
  readonly position?: number;
  readonly token?: string;
  readonly kind: 'syntax' | 'evaluation' | 'limit';

  constructor(params: { code: string; message: string; kind: ExpressionError['kind']; cause?: unknown } & ExpressionErrorLocation) {
    super(params.message, params.cause === undefined ? undefined : { cause: params.cause });
    this.name = 'ExpressionError';
    this.code = params.code;
    this.kind = params.kind;
    this.position = params.position;
    this.token = params.token;
  }

  toJSON(): Record<string, unknown> {
    return { code: this.code, message: this.message, kind: this.kind, position: this.position, token: this.token };
  }
}
