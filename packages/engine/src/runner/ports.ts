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

/** What a stored credential gives a step. */
export interface ResolvedCredential {
  /** The credential's type (see `CREDENTIAL_TYPES` in @switchyard/contract). */
  type: string;
  /** Headers that authenticate an HTTP request (e.g. `authorization`); the journal masks their values. */
  headers: Record<string, string>;
  /**
   * The credential's fields, decrypted, for steps that use them elsewhere than in a header (a bot
   * token in a URL, a webhook URL, an SMTP login, a signing secret). Steps must never journal them:
   * every occurrence of a secret field's value in a step's recorded input is masked.
   */
  fields: Record<string, string>;
}

/**
 * Resolves stored credentials (`credentialId` of `http` steps and app actions). The host decrypts
 * the credential, refreshes tokens as needed (OAuth2 client credentials) and throws an error
 * carrying `code`, `message` and `retryable` when it cannot (unknown credential, token endpoint
 * down...). `expectedTypes`, when given, lists the credential types the step accepts; the host
 * refuses another type with code `CREDENTIAL_TYPE`.
 */
export interface CredentialResolver {
  resolve(credentialId: string, expectedTypes?: ReadonlyArray<string>): Promise<ResolvedCredential>;
}

/** What a stored app connection gives an `app` step: its values (fields, tokens), decrypted. */
export interface ResolvedConnection {
  /** The app the connection belongs to (its key in the app catalogue). */
  app: string;
  /** Fields and tokens (`access_token` for OAuth 2), as the app's auth templates read them (`connection.<name>`). */
  values: Record<string, string>;
  /** Values masked wherever they would reach a record (every token and secret field). */
  secrets: string[];
  /** The connection's name, for messages ("reconnect the connection …"). */
  name?: string;
}

/**
 * Resolves app connections (`connectionId` of `app` steps). The host decrypts the connection and
 * refreshes an OAuth 2 access token before it expires; it throws an error carrying `code`,
 * `message` and `retryable` when it cannot (`CONNECTION_NEEDS_RECONNECTING` after a failed refresh).
 */
export interface ConnectionResolver {
  resolve(connectionId: string, app: string): Promise<ResolvedConnection>;
  /** The app refused the connection's credentials: the host marks it "needs reconnecting". */
  reportUnauthorized(connectionId: string, reason: string): Promise<void>;
}

/** An e-mail an `email` step asks its host to send over SMTP. */
export interface MailMessage {
  /** SMTP server; the host applies the same egress rules as to HTTP. */
  smtp: { host: string; port: number; security: 'tls' | 'starttls' | 'none'; username?: string; password?: string };
  from: string;
  to: string[];
  cc?: string[];
  bcc?: string[];
  replyTo?: string;
  subject: string;
  text?: string;
  html?: string;
  timeoutMs: number;
  /** Stable per run and step, so that a retried send can be recognised (sent as a Message-ID). */
  messageId?: string;
}

/** The SMTP server's answer to a sent message. */
export interface MailReceipt {
  messageId: string;
  accepted: string[];
  rejected: string[];
  response: string;
}

/** Sends e-mail for `email` steps; throws an error carrying `code`, `message` and `retryable`. */
export interface MailSender {
  send(message: MailMessage): Promise<MailReceipt>;
}

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

/** How a `wait` step ended: a callback, a decision, or its timeout. */
export interface WaitResolution {
  outcome: 'resumed' | 'approved' | 'rejected' | 'timed_out';
  /** The callback's JSON body (`resumed`). */
  body?: unknown;
  /** Who decided (`approved`, `rejected`), as they gave it on the approval page. */
  by?: string;
  /** When (ISO 8601). */
  at: string;
}

/** A `wait` step's one-time links and, once it ended, how. */
export interface WaitState {
  resumeUrl: string;
  approvalUrl: string;
  /** When the wait times out (epoch ms): the first opening's, kept across executions. */
  timeoutAt: number;
  resolution?: WaitResolution;
}

/**
 * Waits of the run being executed (`wait` steps): the host stores them (tokens hashed), serves the
 * one-time resume URL and approval page, and wakes the run when one ends. Links are stable per run
 * and step key, so steps before the wait can send them (`$resumeUrl`, `$approvalUrl`).
 */
export interface WaitPort {
  urls(key: string): { resumeUrl: string; approvalUrl: string };
  /**
   * Opens the wait of this step key once (later calls return the same wait, its first `timeoutAt`)
   * and says how it ended; a wait past its timeout is ended `timed_out` here, exactly once.
   */
  open(params: { key: string; mode: 'callback' | 'approval'; timeoutAt: number }): Promise<WaitState>;
}

/** A child run started by a `subworkflow` step, as the host last saw it. */
export interface ChildRunState {
  runId: string;
  /** A run status: queued, running, waiting, succeeded, failed, filtered, cancelled. */
  status: string;
  /** When the parent stops waiting for it (epoch ms): the first call's, kept across executions. */
  timeoutAt: number;
  /** The child's answer: its first `respond` step's body, or the output of its last step. */
  output?: unknown;
  error?: { code: string; message: string; stepId?: string };
}

/**
 * Starts other workflows of the workspace (`subworkflow` steps): once per step key (a later call
 * returns the same child run), as a request with the verdict `called` and a queued run linked to
 * the calling run; the host wakes the caller when a child it waits for ends. It refuses a cycle or
 * a call deeper than its limit with an error carrying `code` and `message`.
 */
export interface WorkflowCaller {
  call(params: { key: string; workflowId: string; input: unknown; wait: boolean; timeoutAt: number }): Promise<ChildRunState>;
}

/** Everything the engine needs from the outside world. The engine itself performs no IO. */
export interface EnginePorts {
  http: HttpInvoker;
  clock: Clock;
  /** Source of `$uuid()`; default `crypto.randomUUID` of the platform. */
  ids?: IdGenerator;
  /** Needed by `http` steps that name a `credentialId`; without it they fail with CREDENTIALS_UNAVAILABLE. */
  credentials?: CredentialResolver;
  /** Needed by `app` steps whose app signs in; without it they fail with CONNECTIONS_UNAVAILABLE. */
  connections?: ConnectionResolver;
  /** Needed by `email` steps; without it they fail with MAIL_UNAVAILABLE. */
  mail?: MailSender;
  /** Needed by `wait` steps; without it they fail with WAIT_UNAVAILABLE. */
  waits?: WaitPort;
  /** Needed by `subworkflow` steps; without it they fail with SUBWORKFLOW_UNAVAILABLE. */
  workflows?: WorkflowCaller;
  logger?: Logger;
}
