/**
 * The credential types an `http` step can authenticate with (`credentialId`). The catalogue of
 * credential types (fields, labels, help) is part of the HTTP contract: CREDENTIAL_TYPES in
 * @switchyard/contract, whose specs check that every type named here is in it.
 */
export const HTTP_AUTH_CREDENTIAL_TYPES = ['bearer', 'basic', 'api-key', 'oauth2-client-credentials'] as const;
export type HttpAuthCredentialType = (typeof HTTP_AUTH_CREDENTIAL_TYPES)[number];
