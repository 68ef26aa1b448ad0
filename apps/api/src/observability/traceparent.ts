/** The trace id of a W3C traceparent (`00-<trace id>-<span id>-<flags>`), or null. */
export function traceIdOf(traceParent: string | null | undefined): string | null {
  const m = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/.exec(traceParent ?? '');
  return m ? m[1] : null;
}
