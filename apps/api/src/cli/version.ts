import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The version of the api package this build came from (apps/api/package.json, beside dist/ and src/). */
export function switchyardVersion(): string {
  return (JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;
}
