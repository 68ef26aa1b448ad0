import { describe, expect, it } from 'vitest';
import { ApiError, type Credential, type CredentialTypeDescriptor } from '../../api';
import { credentialData, fieldErrors, hintSummary, initialValues, missingFields, workflowsInUse } from './credential-form';

const basic: CredentialTypeDescriptor = {
  type: 'basic',
  label: 'Username and password',
  help: '',
  fields: [
    { name: 'username', label: 'Username', secret: false, required: true },
    { name: 'password', label: 'Password', secret: true, required: true },
    { name: 'realm', label: 'Realm', secret: false, required: false },
  ],
};
const stored: Credential = {
  id: 'c1',
  name: 'Shop',
  type: 'basic',
  public: { username: 'ada', realm: 'r' },
  hints: { password: '…9876' },
  usedBy: [],
  createdAt: '',
  updatedAt: '',
};

describe('credential form', () => {
  it('starts from the public fields, never a secret', () => {
    expect(initialValues(basic)).toEqual({ username: '', password: '', realm: '' });
    expect(initialValues(basic, stored)).toEqual({ username: 'ada', password: '', realm: 'r' });
  });

  it('sends trimmed values; on update an empty secret keeps the stored one and an empty public field clears it', () => {
    expect(credentialData({ descriptor: basic, values: { username: ' ada ', password: 'pw ', realm: '' }, mode: 'create' })).toEqual({
      username: 'ada',
      password: 'pw',
    });
    expect(credentialData({ descriptor: basic, values: { username: 'ada', password: '', realm: '' }, mode: 'update' })).toEqual({
      username: 'ada',
      realm: '',
    });
  });

  it('lists required fields left empty', () => {
    expect(missingFields({ descriptor: basic, values: { username: '', password: '' }, mode: 'create' })).toEqual(['username', 'password']);
    expect(missingFields({ descriptor: basic, values: { username: 'ada', password: '' }, mode: 'update' })).toEqual([]);
  });

  it('maps server details to fields and reads the workflows of an in-use refusal', () => {
    const invalid = new ApiError({
      status: 400,
      code: 'validation_failed',
      message: 'x',
      details: [
        { path: 'data.password', message: 'is required' },
        { path: 'name', message: 'taken' },
      ],
    });
    expect(fieldErrors(invalid)).toEqual({ password: ['is required'], name: ['taken'] });
    const inUse = new ApiError({
      status: 409,
      code: 'credential_in_use',
      message: 'm',
      data: { workflows: [{ id: 'w1', name: 'Alpha' }, { bad: true }] },
    });
    expect(workflowsInUse(inUse)).toEqual([{ id: 'w1', name: 'Alpha' }]);
    expect(workflowsInUse(invalid)).toBeNull();
  });

  it('summarises hints with their labels', () => {
    expect(hintSummary(stored, basic)).toBe('Password …9876');
  });
});
