const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Appends a key or index to a JSONata path: `steps.send` + `body` -> `steps.send.body`, + 0 ->
 * `steps.send.body[0]`; keys that are not plain names are quoted in backticks, as JSONata reads them
 * (`` trigger.headers.`content-type` ``).
 */
export function childPath(params: { parent: string; key: string | number }): string {
  const { parent, key } = params;
  if (typeof key === 'number') return `${parent}[${key}]`;
  const segment = IDENTIFIER.test(key) ? key : `\`${key.replace(/`/g, '\\`')}\``;
  return parent ? `${parent}.${segment}` : segment;
}
