import { HTTP_AUTH_CREDENTIAL_TYPES, type HttpAuthCredentialType } from '@switchyard/engine';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { CREDENTIAL_TYPES, credentialTypeDescriptor, credentialTypeDescriptorSchema, type CredentialType } from './credential-types';

describe('CREDENTIAL_TYPES', () => {
  it('describes each type with the schema the api answers with', () => {
    for (const descriptor of CREDENTIAL_TYPES) expect(credentialTypeDescriptorSchema.parse(descriptor)).toEqual(descriptor);
    expect(new Set(CREDENTIAL_TYPES.map((t) => t.type)).size).toBe(CREDENTIAL_TYPES.length);
  });

  it('has every type the engine’s http step accepts', () => {
    expectTypeOf<HttpAuthCredentialType>().toExtend<CredentialType>();
    for (const type of HTTP_AUTH_CREDENTIAL_TYPES) expect(credentialTypeDescriptor(type)?.type).toBe(type);
  });

  it('finds nothing for an unknown type', () => {
    expect(credentialTypeDescriptor('ssh-key')).toBeUndefined();
  });
});
