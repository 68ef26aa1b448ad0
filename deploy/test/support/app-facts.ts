import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');

/**
 * Every setting the server reads from its environment: the keys of the built config schema
 * (apps/api/src/config/config.schema.ts), read from dist so this project imports nothing of the api.
 */
export function appSettings(): Set<string> {
  const file = join(ROOT, 'apps/api/dist/config/config.schema.js');
  if (!existsSync(file)) throw new Error(`${file} is missing: build the api first (npx nx run api:build)`);
  const { configSchema } = createRequire(__filename)(file) as { configSchema: { shape: Record<string, unknown> } };
  return new Set(Object.keys(configSchema.shape));
}

/** Variables a container may carry that are Node's, not the app's. */
export const RUNTIME_SETTINGS = new Set(['NODE_ENV', 'NODE_OPTIONS']);

/** The HTTP routes of the health controller, found in the api's sources wherever it lives. */
export function healthRoutes(): Set<string> {
  const routes = new Set<string>();
  for (const file of walk(join(ROOT, 'apps/api/src'))) {
    if (!file.endsWith('.controller.ts')) continue;
    const text = readFileSync(file, 'utf8');
    const controller = /@Controller\('([^']+)'\)/.exec(text)?.[1];
    if (!controller?.includes('health')) continue;
    for (const m of text.matchAll(/@Get\('([^']*)'\)/g)) routes.add(`/${controller}/${m[1]}`.replace(/\/+$/, ''));
  }
  return routes;
}

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** What the Dockerfile's runtime stage promises: user, port, working directory, environment, command. */
export interface ImageFacts {
  user: string;
  uid: number;
  exposed: number[];
  workdir: string;
  env: Record<string, string>;
  cmd: string[];
}

/** The official node images create the `node` user with uid and gid 1000. */
const KNOWN_UIDS: Record<string, number> = { node: 1000, root: 0 };

export function dockerfileFacts(): ImageFacts {
  const text = readFileSync(join(ROOT, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
  const stages = text.split(/^FROM /m);
  const runtime = stages[stages.length - 1];
  const lines = runtime.split('\n').map((l) => l.trim());
  const directive = (name: string) =>
    lines.filter((l) => l.toUpperCase().startsWith(`${name} `)).map((l) => l.slice(name.length + 1).trim());
  const user = directive('USER').at(-1) ?? 'root';
  const env: Record<string, string> = {};
  for (const line of directive('ENV')) for (const m of line.matchAll(/([A-Z_][A-Z0-9_]*)=(\S+)/g)) env[m[1]] = m[2];
  const uid = /^\d+$/.test(user) ? Number(user) : KNOWN_UIDS[user];
  if (uid === undefined) throw new Error(`the Dockerfile runs as ${user}, whose uid this check does not know`);
  return {
    user,
    uid,
    exposed: directive('EXPOSE').flatMap((l) => l.split(/\s+/).map((p) => Number(p.split('/')[0]))),
    workdir: directive('WORKDIR').at(-1) ?? '/',
    env,
    cmd: JSON.parse(directive('CMD').at(-1) ?? '[]') as string[],
  };
}

/** A built entry point named in a command (`apps/api/dist/x.js`) has its source in the api (`apps/api/src/x.ts`). */
export function sourceOfBuiltScript(script: string): string {
  return join(ROOT, script.replace(/^apps\/api\/dist\//, 'apps/api/src/').replace(/\.js$/, '.ts'));
}
