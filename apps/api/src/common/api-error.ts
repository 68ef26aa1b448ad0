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
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): { error: { code: string; message: string; details: ErrorDetail[] } } {
    return { error: { code: this.code, message: this.message, details: this.details } };
  }

  static notFound(what: string, id: string): ApiError {
    return new ApiError(404, 'not_found', `${what} ${id} does not exist`);
  }
}
