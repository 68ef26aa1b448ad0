/**
 * A hint of a secret that is safe to show: a provider prefix such as `whsec_` (2-8 letters and an
 * underscore) and the last four characters, e.g. `whsec_…a1b2`. Secrets shorter than 12
 * characters show only their length.
 */
export function maskSecret(secret: string): string {
  if (secret.length < 12) return `…(${secret.length} characters)`;
  const prefix = /^[A-Za-z]{2,8}_/.exec(secret)?.[0] ?? '';
  const shownPrefix = prefix.length <= secret.length - 12 ? prefix : '';
  return `${shownPrefix}…${secret.slice(-4)}`;
}
