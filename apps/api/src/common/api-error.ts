/** One field-level problem, `path` in the form `steps[1].condition`. */
export interface ErrorDetail {
  path: string;
  message: string;
  [key: string]: unknown;
}

/**
 * An error for the HTTP edge: `{ "error": { code, message, details } }` with `status`.
 * Services throw it where the reason is known; the exception filter only serialises it.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** More members of the `error` object, e.g. the `workflows` that use a credential. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): { error: { code: string; message: string; details: ErrorDetail[]; [key: string]: unknown } } {
    return { error: { ...this.extra, code: this.code, message: this.message, details: this.details } };
  }

  static notFound(what: string, id: string): ApiError {
    return new ApiError(404, 'not_found', `${what} ${id} does not exist`);
  }
}
