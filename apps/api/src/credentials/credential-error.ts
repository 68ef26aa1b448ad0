/** A credential problem as the engine classifies step errors: code, kind and whether a retry may help. */
export class CredentialError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
    readonly kind: 'user' | 'system' = 'user',
  ) {
    super(message);
    this.name = 'CredentialError';
  }
}
