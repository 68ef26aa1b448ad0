import { describe, expect, it } from 'vitest';
import { authorizationExample, createdByLabel, maskedKey } from './api-key-display';

describe('maskedKey', () => {
  it('shows the prefix only', () => {
    expect(maskedKey({ prefix: 'sy_live_3fa8' })).toBe('sy_live_3fa8…');
  });
});

describe('createdByLabel', () => {
  it('reads a label or a user object', () => {
    expect(createdByLabel({ createdBy: 'ada@example.com' })).toBe('ada@example.com');
    expect(createdByLabel({ createdBy: { id: 'u1', name: 'Ada', email: 'ada@example.com' } })).toBe('Ada');
    expect(createdByLabel({ createdBy: { id: 'u1', name: null, email: 'ada@example.com' } })).toBe('ada@example.com');
    expect(createdByLabel({ createdBy: null })).toBeNull();
  });
});

describe('authorizationExample', () => {
  it('puts the key in a bearer header', () => {
    expect(authorizationExample({ key: 'sy_abc', origin: 'http://localhost:3000' })).toBe(
      "curl -H 'authorization: Bearer sy_abc' http://localhost:3000/api/workflows",
    );
  });
});
