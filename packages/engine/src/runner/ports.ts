/** An outbound HTTP request the engine asks its host to send. */
export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

/** The host's answer. `body` is text (already capped by the host; `bodyTruncated` says so). */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  bodyTruncated?: boolean;
}

/**
 * Sends HTTP requests for the engine. The host enforces egress rules (SSRF guard) and throws an
 * error carrying `code`, `message` and `retryable` when the request cannot be sent.
 */
export interface HttpInvoker {
  send(request: HttpRequest): Promise<HttpResponse>;
}

/** Time as the host sees it; injected so that tests and replays are deterministic. */
export interface Clock {
  now(): number;
}

/** Makes unique ids; injected so that tests and replays are deterministic. */
export interface IdGenerator {
  /** A random (version 4) UUID in its 36-character text form. */
  uuid(): string;
}

/** What a stored credential adds to a request. */
export interface ResolvedCredential {
  /** Headers that authenticate the request (e.g. `authorization`); the journal masks their values. */
  headers: Record<string, string>;
}

/**
 * Resolves stored credentials for `http` steps (`credentialId`). The host decrypts the credential,
 * refreshes tokens as needed (OAuth2 client credentials) and throws an error carrying `code`,
 * `message` and `retryable` when it cannot (unknown credential, token endpoint down...).
 */
export interface CredentialResolver {
  resolve(credentialId: string): Promise<ResolvedCredential>;
}

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

/** Everything the engine needs from the outside world. The engine itself performs no IO. */
export interface EnginePorts {
  http: HttpInvoker;
  clock: Clock;
  /** Source of `$uuid()`; default `crypto.randomUUID` of the platform. */
  ids?: IdGenerator;
  /** Needed by `http` steps that name a `credentialId`; without it they fail with CREDENTIALS_UNAVAILABLE. */
  credentials?: CredentialResolver;
  logger?: Logger;
}
