import { BUNDLE_KIND, BUNDLE_SCHEMA_VERSION } from '@switchyard/contract';
import { ApiError } from '../common/api-error';

/** JSON with sorted keys, to compare what a bundle holds with what is stored (jsonb does not keep key order). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/**
 * Refuses what is not a bundle, or a bundle of a newer format, before anything else is read: a
 * newer bundle may mean something this server would import wrongly.
 */
export function checkBundleVersion(bundle: unknown): void {
  const raw = bundle !== null && typeof bundle === 'object' && !Array.isArray(bundle) ? (bundle as Record<string, unknown>) : null;
  if (!raw || raw.kind !== BUNDLE_KIND)
    throw new ApiError(
      400,
      'validation_failed',
      `The bundle is invalid: bundle.kind must be "${BUNDLE_KIND}" (is this a Switchyard export?)`,
      [{ path: 'bundle.kind', message: `must be "${BUNDLE_KIND}"` }],
    );
  const version = raw.schemaVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > BUNDLE_SCHEMA_VERSION)
    throw new ApiError(
      400,
      'bundle_too_new',
      `This bundle has schemaVersion ${version}, written by a newer Switchyard; this server reads bundles up to schemaVersion ${BUNDLE_SCHEMA_VERSION}. Upgrade this server, or export again from a server of the same version.`,
      [{ path: 'bundle.schemaVersion', message: `must be at most ${BUNDLE_SCHEMA_VERSION}` }],
    );
}

/** Every `credentialId` in a definition's steps, wherever it sits (steps nest in branches and loops). */
export function credentialRefs(steps: unknown): Set<string> {
  const refs = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object')
      for (const [key, child] of Object.entries(value)) {
        if (key === 'credentialId' && typeof child === 'string') refs.add(child);
        else walk(child);
      }
  };
  walk(steps);
  return refs;
}

/** The steps with each `credentialId` replaced by the credential of this installation it maps to. */
export function rewriteCredentialRefs<T>(steps: T, map: ReadonlyMap<string, string>): T {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value).map(([key, child]) => [
          key,
          key === 'credentialId' && typeof child === 'string' ? (map.get(child) ?? child) : walk(child),
        ]),
      );
    return value;
  };
  return walk(steps) as T;
}
