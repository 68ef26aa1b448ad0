import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import { parse } from 'yaml';
import { ROOT } from './app-facts';

export const COMPOSE_FILE = join(ROOT, 'docker-compose.yml');
const SCHEMA_FILE = join(ROOT, 'deploy/schemas/compose-spec.json');

/** docker-compose.yml as Compose reads it: YAML with merge keys (`<<: *switchyard`). */
export function readCompose(): unknown {
  return parse(readFileSync(COMPOSE_FILE, 'utf8'), { merge: true });
}

/**
 * Compose's variable interpolation (`${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`,
 * `${VAR?error}`, `$$`) over every string of the file, as `docker compose config` does before it
 * validates. A required variable that is missing throws with its error text.
 */
export function interpolate(value: unknown, env: Record<string, string | undefined>): unknown {
  if (typeof value === 'string') {
    return value.replace(
      /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])((?:[^{}]|\{[^{}]*\})*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
      (match, name, colon, op, arg, bare) => {
        if (match === '$$') return '$';
        if (bare) return env[bare] ?? '';
        const current = env[name];
        const missing = colon ? !current : current === undefined;
        if (op === '-') return missing ? String(interpolate(arg, env)) : (current as string);
        if (op === '?') {
          if (missing) throw new Error(`required variable ${name} is missing a value: ${arg}`);
          return current as string;
        }
        return current ?? '';
      },
    );
  }
  if (Array.isArray(value)) return value.map((v) => interpolate(v, env));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, env)]));
  return value;
}

/** Validates against the Compose Specification's schema (vendored, see deploy/schemas/README.md). */
export function validateCompose(document: unknown): ErrorObject[] {
  // Draft-07, Ajv's default; its `$schema` spells the meta-schema with https, which Ajv registers as http.
  const { $schema: draft, ...schema } = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as { $schema: string };
  if (!/draft-07/.test(draft)) throw new Error(`the vendored Compose schema is ${draft}, not draft-07: pick the matching Ajv class`);
  // strict: false: the schema uses annotations Ajv does not know (`deprecated`).
  const ajv = new Ajv({ strict: false, allErrors: true });
  const validate = ajv.compile(schema);
  return validate(document) ? [] : (validate.errors ?? []);
}

/** The parts of a service the checks read. */
export interface ComposeService {
  image?: string;
  build?: string | { context: string; dockerfile?: string };
  command?: string[] | string;
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: Array<string | { target: number }>;
  healthcheck?: { test?: string[] | string; disable?: boolean };
  depends_on?: string[] | Record<string, { condition?: string }>;
  stop_grace_period?: string;
}

/** `30s`, `1m30s`, `500ms` in seconds. */
export function durationSeconds(text: string): number {
  let total = 0;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(ms|us|ns|h|m|s)/g)) {
    total += Number(m[1]) * { h: 3600, m: 60, s: 1, ms: 1e-3, us: 1e-6, ns: 1e-9 }[m[2] as 'h' | 'm' | 's' | 'ms' | 'us' | 'ns'];
  }
  return total;
}
