import { BUNDLE_SCHEMA_VERSION } from '@switchyard/contract';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../common/api-error';
import { canonicalJson, checkBundleVersion, credentialRefs, rewriteCredentialRefs } from './bundle-helpers';

const nested = [
  { id: 'a', type: 'http', credentialId: 'c1' },
  { id: 'each', type: 'loop', steps: [{ id: 'mail', type: 'email', credentialId: 'c2' }] },
  { id: 'route', type: 'branch', paths: [{ steps: [{ id: 'b', type: 'http', credentialId: 'c1' }] }] },
];

describe('bundle helpers', () => {
  it('finds credential references in nested steps, and rewrites each one', () => {
    expect([...credentialRefs(nested)].sort()).toEqual(['c1', 'c2']);
    const rewritten = rewriteCredentialRefs(nested, new Map([['c1', 'x1']]));
    expect([...credentialRefs(rewritten)].sort()).toEqual(['c2', 'x1']);
    expect(nested[0].credentialId).toBe('c1');
  });

  it('compares JSON whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 1, e: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { e: 2, f: 1 }] }, b: 1 }),
    );
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: 2 }));
  });

  it('refuses a bundle of a newer format with a clear message, and what is not a bundle', () => {
    let error: unknown;
    try {
      checkBundleVersion({ kind: 'switchyard.bundle', schemaVersion: BUNDLE_SCHEMA_VERSION + 1 });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('bundle_too_new');
    expect((error as ApiError).message).toContain(`schemaVersion ${BUNDLE_SCHEMA_VERSION + 1}`);
    expect((error as ApiError).message).toContain('Upgrade this server');
    expect(() => checkBundleVersion({ workflows: [] })).toThrow('bundle.kind must be "switchyard.bundle"');
    expect(() => checkBundleVersion([])).toThrow(ApiError);
    expect(() => checkBundleVersion({ kind: 'switchyard.bundle', schemaVersion: BUNDLE_SCHEMA_VERSION })).not.toThrow();
  });
});
