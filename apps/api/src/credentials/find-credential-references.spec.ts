import { describe, expect, it } from 'vitest';
import { findCredentialReferences } from './find-credential-references';

describe('findCredentialReferences', () => {
  it('finds references in top-level and nested steps, with their paths', () => {
    const steps = [
      { id: 'a', type: 'map', expression: '1' },
      { id: 'b', type: 'http', url: 'https://a.test', credentialId: 'c1' },
      {
        id: 'c',
        type: 'branch',
        paths: [{ name: 'p', condition: 'true', steps: [{ id: 'd', type: 'http', url: 'https://b.test', credentialId: 'c2' }] }],
      },
      { id: 'e', type: 'loop', items: 'x', steps: [{ id: 'f', type: 'http', url: 'https://c.test', credentialId: 'c1' }] },
    ];
    expect(findCredentialReferences({ steps } as never)).toEqual([
      { path: 'steps[1].credentialId', credentialId: 'c1' },
      { path: 'steps[2].paths[0].steps[0].credentialId', credentialId: 'c2' },
      { path: 'steps[3].steps[0].credentialId', credentialId: 'c1' },
    ]);
  });

  it('finds nothing in a workflow without credentials', () => {
    expect(findCredentialReferences({ steps: [{ id: 'a', type: 'map', expression: '{ "credentialId": 1 }' }] } as never)).toEqual([]);
  });
});
