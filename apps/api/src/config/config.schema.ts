import { z } from 'zod';
import { parseSmtpUrl } from './smtp-url';

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();

/** Every setting Switchyard reads from its environment, with defaults (documented in README.md). */
export const configSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().url('must be a postgres:// URL').optional(),
  REDIS_URL: z.string().url('must be a redis:// URL').optional(),
  SWITCHYARD_DATA_DIR: z.string().min(1).default('./.switchyard'),
  SWITCHYARD_EGRESS_ALLOW: z.string().default(''),
  SWITCHYARD_PUBLIC_URL: z.string().url('must be an absolute URL such as https://hooks.example.com').optional(),
  SWITCHYARD_MAX_BODY_BYTES: positiveInt.default(10 * 1024 * 1024),
  SWITCHYARD_WORKER_CONCURRENCY: positiveInt.default(10),
  SWITCHYARD_QUEUE_PREFIX: z.string().min(1).default('switchyard'),
  SWITCHYARD_SWEEP_INTERVAL_MS: positiveInt.default(5000),
  /** How often schedules and polls are checked for due times; 0 turns the scheduler off (tests drive it). */
  SWITCHYARD_SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(5000),
  SWITCHYARD_LEASE_MS: positiveInt.default(30_000),
  /** How long a SIGTERM waits for runs in flight before giving their leases back and exiting. */
  SWITCHYARD_SHUTDOWN_TIMEOUT_MS: positiveInt.default(25_000),
  SWITCHYARD_WEB_DIR: z.string().optional(),
  /** Base64 of 32 bytes: the master key that encrypts trigger secrets (default: generated into SWITCHYARD_DATA_DIR/secret.key). */
  SWITCHYARD_SECRET_KEY: z
    .string()
    .refine((v) => Buffer.from(v.trim(), 'base64').length === 32, 'must be the base64 of exactly 32 bytes (openssl rand -base64 32)')
    .optional(),
  /** Comma-separated older master keys that still decrypt, while secrets are re-encrypted with the new one. */
  SWITCHYARD_SECRET_KEY_PREVIOUS: z.string().optional(),
  SWITCHYARD_RETENTION_DAYS: positiveInt.default(30),
  /** How often quiet-workflow and refused-spike alerts are evaluated (HTTP processes). */
  SWITCHYARD_ALERT_INTERVAL_MS: positiveInt.default(60_000),
  /**
   * Whom to believe in X-Forwarded-For (the caller's address for IP allow-lists): unset = nobody,
   * `true` = any proxy, a number = that many hops, or comma-separated addresses/CIDR ranges.
   */
  SWITCHYARD_TRUST_PROXY: z.string().optional(),
  /** Automated setup: the owner account created at start when no user exists yet (docs/accounts.md). */
  SWITCHYARD_OWNER_EMAIL: z.string().email('must be an email address').optional(),
  SWITCHYARD_OWNER_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  /** Automated setup: an owner-role API key of the default workspace with exactly this value. */
  SWITCHYARD_OWNER_API_KEY: z
    .string()
    .regex(/^sy_[A-Za-z0-9_-]{29,}$/, 'must start with sy_ and be at least 32 characters of [A-Za-z0-9_-]')
    .optional(),
  /** Single sign-on with OpenID Connect (docs/accounts.md "Single sign-on"): the issuer URL; unset = off. */
  SWITCHYARD_OIDC_ISSUER: z.string().url('must be the issuer URL, e.g. https://accounts.google.com').optional(),
  SWITCHYARD_OIDC_CLIENT_ID: z.string().min(1).optional(),
  SWITCHYARD_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The provider's name on the sign-in button ("Sign in with Okta"). */
  SWITCHYARD_OIDC_NAME: z.string().min(1).default('single sign-on'),
  /** Comma-separated e-mail domains allowed to sign in (empty = any verified e-mail). */
  SWITCHYARD_OIDC_ALLOWED_DOMAINS: z.string().default(''),
  /** Role of a new member created at first sign-in in the default workspace. */
  SWITCHYARD_OIDC_DEFAULT_ROLE: z.enum(['viewer', 'editor', 'admin']).default('viewer'),
  /** The ID token / userinfo claim listing the user's groups. */
  SWITCHYARD_OIDC_GROUPS_CLAIM: z.string().min(1).default('groups'),
  /** Comma-separated `group=role` pairs; the highest matching role wins over the default role. */
  SWITCHYARD_OIDC_GROUP_ROLES: z
    .string()
    .regex(/^(\s*[^=,]+=(viewer|editor|admin|owner)\s*(,|$))*$/, 'must be comma-separated group=role pairs (viewer, editor, admin, owner)')
    .default(''),
  /** `off`: only single sign-on, except for the break-glass owner below. */
  SWITCHYARD_PASSWORD_SIGNIN: z.enum(['on', 'off']).default('on'),
  /** The one account that may still sign in with a password when SWITCHYARD_PASSWORD_SIGNIN=off. */
  SWITCHYARD_BREAK_GLASS_EMAIL: z.string().email('must be an email address').optional(),
  /** Secure flag of the session cookies: auto = when SWITCHYARD_PUBLIC_URL is https. */
  SWITCHYARD_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  /** Comma-separated origins allowed to call the API from a browser (CORS); empty = closed. */
  SWITCHYARD_CORS_ORIGINS: z.string().default(''),
  /**
   * The server's SMTP relay for its own e-mail (dead-letter alerts, invites): smtp://user:pass@host:587
   * (STARTTLS), smtps://... (TLS) or ?security=none; unset = the server sends no e-mail.
   */
  SWITCHYARD_SMTP_URL: z
    .string()
    .superRefine((v, ctx) => {
      try {
        parseSmtpUrl(v);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
      }
    })
    .optional(),
  /** Sender of the server's e-mail: an address, or `Name <address>`. */
  SWITCHYARD_SMTP_FROM: z
    .string()
    .regex(/^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, 'must be an address or Name <address>')
    .default('Switchyard <switchyard@localhost>'),
  /**
   * Prometheus metrics (docs/operations.md#metrics): `GET /metrics` on this port of its own (every
   * role; the worker's only HTTP listener), on HOST. Unset = no metrics listener.
   */
  SWITCHYARD_METRICS_PORT: port.optional(),
  /** `GET /metrics` on the main HTTP port too, for callers with `Authorization: Bearer <this token>`. */
  SWITCHYARD_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Adds the workflow id as a label to the per-workflow series (series grow with the workflows). */
  SWITCHYARD_METRICS_WORKFLOW_LABELS: z.enum(['true', 'false']).default('false'),
  /**
   * OpenTelemetry traces over OTLP/HTTP (docs/operations.md#traces): the collector's base URL
   * (spans go to <it>/v1/traces) or the traces URL itself. Neither set = no tracing, at no cost.
   */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url('must be the OTLP/HTTP base URL, such as http://collector:4318').optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z
    .string()
    .url('must be the OTLP/HTTP traces URL, such as http://collector:4318/v1/traces')
    .optional(),
  OTEL_SERVICE_NAME: z.string().min(1).default('switchyard'),
  /** Milliseconds spans wait in the batch before export. */
  OTEL_BSP_SCHEDULE_DELAY: positiveInt.default(5000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Every JSON answer of /api parsed with its route's schema in the shared contract: `strict`
   * answers 500 `contract_violation` on drift (the tests), `log` logs it and sends the answer,
   * `off` skips the check. Default: off with NODE_ENV=production, else log (contractCheckMode;
   * docs/adr/0011-shared-contract.md).
   */
  SWITCHYARD_CONTRACT_CHECK: z.enum(['off', 'log', 'strict']).optional(),
  NODE_ENV: z.string().optional(),
});

export type RawConfig = z.infer<typeof configSchema>;

export type Role = 'all' | 'api' | 'worker';

export interface AppConfig extends RawConfig {
  role: Role;
  /** The PostgreSQL URL in use: DATABASE_URL or the embedded server's. */
  databaseUrl: string;
  embeddedDatabase: boolean;
  egressAllow: string[];
  /** The base of trigger URLs in use: the stored instance setting when set (settings/settings-store.ts), else `environmentPublicUrl`. */
  publicUrl: string;
  /** SWITCHYARD_PUBLIC_URL, or http://localhost:PORT without it. */
  environmentPublicUrl?: string;
}

/** Reads and validates the environment; throws one error listing every bad setting. */
export function parseConfig(env: Record<string, string | undefined>): RawConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = configSchema
    .superRefine((c, ctx) => {
      if (Boolean(c.SWITCHYARD_OWNER_EMAIL) !== Boolean(c.SWITCHYARD_OWNER_PASSWORD)) {
        ctx.addIssue({
          code: 'custom',
          path: [c.SWITCHYARD_OWNER_EMAIL ? 'SWITCHYARD_OWNER_PASSWORD' : 'SWITCHYARD_OWNER_EMAIL'],
          message: 'SWITCHYARD_OWNER_EMAIL and SWITCHYARD_OWNER_PASSWORD go together',
        });
      }
      if (c.SWITCHYARD_OIDC_ISSUER && !c.SWITCHYARD_OIDC_CLIENT_ID) {
        ctx.addIssue({ code: 'custom', path: ['SWITCHYARD_OIDC_CLIENT_ID'], message: 'is required with SWITCHYARD_OIDC_ISSUER' });
      }
    })
    .safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** Whether and how answers are checked against the contract: as set, else off in production and logged elsewhere. */
export function contractCheckMode(config: Pick<RawConfig, 'SWITCHYARD_CONTRACT_CHECK' | 'NODE_ENV'>): 'off' | 'log' | 'strict' {
  return config.SWITCHYARD_CONTRACT_CHECK ?? (config.NODE_ENV === 'production' ? 'off' : 'log');
}

/** Fastify's `trustProxy` from SWITCHYARD_TRUST_PROXY. */
export function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (!value || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/** Parses `--role=api` from the command line (default `all`). */
export function parseRole(argv: string[]): Role {
  const arg = argv.find((a) => a.startsWith('--role='));
  const role = arg ? arg.slice('--role='.length) : 'all';
  if (role !== 'all' && role !== 'api' && role !== 'worker') {
    throw new Error(`Invalid --role=${role}: expected all, api or worker`);
  }
  return role;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
