export { CredentialSelect, type CredentialSelectProps } from './CredentialSelect';
export { HTTP_AUTH_CREDENTIAL_TYPES } from './credential-form';
