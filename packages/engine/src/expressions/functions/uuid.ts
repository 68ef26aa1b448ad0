/**
 * A random version 4 UUID from the platform: `crypto.randomUUID` (Node.js 20, browsers in secure
 * contexts), else built from `crypto.getRandomValues` (browsers on plain http). Hosts inject their
 * own generator (`EnginePorts.ids`) for runs, so that tests and replays are deterministic.
 */
export function randomUuid(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string; getRandomValues?: <T extends Uint8Array>(array: T) => T } }).crypto;
  if (crypto?.randomUUID) return crypto.randomUUID();
  if (!crypto?.getRandomValues) throw { code: 'UUID_UNAVAILABLE', message: '$uuid: this platform has no random number generator' };
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
