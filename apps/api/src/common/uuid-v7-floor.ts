/**
 * The smallest UUIDv7 of a given millisecond. Ids are time-ordered, so `id >= uuidV7Floor(t)`
 * selects rows created at or after `t` through the primary-key index, with no timestamp index.
 */
export function uuidV7Floor(ms: number): string {
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
}
