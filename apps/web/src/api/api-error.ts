import type { ErrorDetail } from '@switchyard/contract';

/** The one error type the web app handles: every failed call, whatever went wrong, becomes an ApiError. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];
  /** The whole `error` object of the answer, for members beyond code, message and details. */
  readonly data: Record<string, unknown>;

  constructor(params: { status: number; code: string; message: string; details?: ErrorDetail[]; data?: Record<string, unknown> }) {
    super(params.message);
    this.name = 'ApiError';
    this.status = params.status;
    this.code = params.code;
    this.details = params.details ?? [];
    this.data = params.data ?? {};
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

export const NETWORK_ERROR_STATUS = 0;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseDetails(value: unknown): ErrorDetail[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((detail) => ({
    path: typeof detail.path === 'string' ? detail.path : '',
    message: typeof detail.message === 'string' ? detail.message : String(detail.message ?? ''),
    ...(typeof detail.position === 'number' ? { position: detail.position } : {}),
    ...(typeof detail.token === 'string' ? { token: detail.token } : {}),
    ...(typeof detail.code === 'string' ? { code: detail.code } : {}),
  }));
}

/**
 * Builds an ApiError from a failed response. Bodies that follow the contract
 * (`{ error: { code, message, details } }`) keep their code and details; anything else
 * (a proxy's HTML page, an empty body) still yields a readable message.
 */
export function parseApiError(params: { status: number; statusText?: string; body: unknown }): ApiError {
  const { status, statusText, body } = params;
  const error = isRecord(body) ? body.error : undefined;
  if (isRecord(error) && typeof error.message === 'string') {
    return new ApiError({
      status,
      code: typeof error.code === 'string' ? error.code : `http_${status}`,
      message: error.message,
      details: parseDetails(error.details),
      data: error,
    });
  }
  if (isRecord(body) && typeof body.message === 'string') {
    return new ApiError({ status, code: `http_${status}`, message: body.message });
  }
  const fallback = statusText ? `${status} ${statusText}` : `Request failed with status ${status}`;
  return new ApiError({ status, code: `http_${status}`, message: fallback });
}

/** Turns anything thrown by fetch (offline, DNS, aborted) into an ApiError. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError({
    status: NETWORK_ERROR_STATUS,
    code: 'network_error',
    message: `Could not reach the Switchyard API (${message}).`,
  });
}
