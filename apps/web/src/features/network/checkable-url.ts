/**
 * The part of a URL template the egress guard can judge before a run: the whole URL when it has no
 * `{{ }}` placeholder, its origin when the placeholders come after the host, else null.
 */
export function checkableUrl(params: { template: string }): string | null {
  const text = params.template.trim();
  if (!/^https?:\/\//i.test(text)) return null;
  const at = text.indexOf('{{');
  if (at === -1) return isAbsolute(text) ? text : null;
  const origin = /^https?:\/\/[^/?#{}\s]+(?=[/?#])/i.exec(text.slice(0, at));
  return origin && isAbsolute(origin[0]) ? `${origin[0]}/` : null;
}

function isAbsolute(url: string): boolean {
  try {
    return new URL(url).hostname !== '';
  } catch {
    return false;
  }
}
