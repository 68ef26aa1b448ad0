import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { configureExpressionRuntime } from '@switchyard/engine';
import { SwitchyardModule } from './roots/switchyard.module';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { registerContractCheck } from './contract/contract-check';
import { createLogger, type Logger } from './common/logger';
import { type AppConfig, contractCheckMode, parseConfig, parseTrustProxy, type Role } from './config/config.schema';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './database/embedded-database';
import { registerSecurityHeaders } from './accounts/security-headers';
import { registerHookRoutes } from './ingest/hooks.plugin';
import { registerWaitRoutes } from './compose/wait-routes';
import { WaitStore } from './compose/wait-store';
import { DISPATCHER, type Dispatcher } from './runtime/dispatch/dispatcher';
import { registerApiDocsAssets } from './openapi/api-docs-assets';
import { IngestService } from './ingest/ingest.service';
import { closeHttpGracefully, DrainState, registerDrainHook } from './lifecycle/drain-state';
import { Metrics } from './observability/metrics';
import { registerMetricsRoute } from './observability/metrics-server';
import { TRACING } from './observability/tracing.module';
import { SettingsStore } from './settings/settings-store';

export interface SwitchyardInstance {
  config: AppConfig;
  /** Base URL of the HTTP server (null for the worker role). */
  url: string | null;
  app: INestApplicationContext;
  close(): Promise<void>;
}

/**
 * Starts Switchyard in one of its roles: `all` (HTTP, worker and sweeper in one process; the
 * default), `api` (HTTP and sweeper) or `worker` (runs only). Without DATABASE_URL it starts the
 * embedded PostgreSQL; without REDIS_URL runs are dispatched in process.
 */
export async function startSwitchyard(options: {
  env: Record<string, string | undefined>;
  role: Role;
  logger?: Logger;
}): Promise<SwitchyardInstance> {
  const raw = parseConfig(options.env);
  const logger = options.logger ?? createLogger(raw.LOG_LEVEL);
  if (options.role !== 'all' && !raw.DATABASE_URL)
    throw new Error(`--role=${options.role} needs DATABASE_URL: separate processes must share one PostgreSQL`);
  if (options.role !== 'all' && !raw.REDIS_URL)
    throw new Error(`--role=${options.role} needs REDIS_URL: separate api and worker processes talk through Redis`);

  configureExpressionRuntime({ yieldToHost: () => new Promise((r) => setImmediate(r)) });

  let embedded: EmbeddedDatabase | null = null;
  if (!raw.DATABASE_URL) embedded = await startEmbeddedDatabase(raw.SWITCHYARD_DATA_DIR, logger);
  const config: AppConfig = {
    ...raw,
    role: options.role,
    databaseUrl: raw.DATABASE_URL ?? (embedded as EmbeddedDatabase).url,
    embeddedDatabase: embedded !== null,
    egressAllow: raw.SWITCHYARD_EGRESS_ALLOW.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    publicUrl: (raw.SWITCHYARD_PUBLIC_URL ?? `http://localhost:${raw.PORT}`).replace(/\/$/, ''),
  };
  config.environmentPublicUrl = config.publicUrl;

  try {
    if (options.role === 'worker') {
      const app = await NestFactory.createApplicationContext(SwitchyardModule.forRole(config, logger), { logger: ['error', 'warn'] });
      // No enableShutdownHooks(): main.ts owns the signals, so that shutdown runs once, in order.
      return { config, url: null, app, close: closer(app, embedded) };
    }

    // return503OnClosing off: a request already on an open connection when a shutdown begins is
    // served (and its connection closed), since ingest stays up until the listener has closed.
    const adapter = new FastifyAdapter({
      bodyLimit: 2 * 1024 * 1024,
      trustProxy: parseTrustProxy(raw.SWITCHYARD_TRUST_PROXY),
      return503OnClosing: false,
    });
    const webDir = raw.SWITCHYARD_WEB_DIR ? resolve(raw.SWITCHYARD_WEB_DIR) : resolve(__dirname, '../../web/dist');
    const hasWeb = existsSync(resolve(webDir, 'index.html'));
    const app = await NestFactory.create<NestFastifyApplication>(SwitchyardModule.forRole(config, logger), adapter, {
      logger: ['error', 'warn'],
    });
    app.useGlobalFilters(new ApiExceptionFilter(logger, hasWeb ? webDir : null));
    await registerSecurityHeaders(app, { publicUrl: config.publicUrl, corsOrigins: config.SWITCHYARD_CORS_ORIGINS });
    const drain = app.get(DrainState);
    registerDrainHook(app.getHttpAdapter().getInstance(), drain);
    const contractCheck = contractCheckMode(raw);
    if (contractCheck !== 'off') registerContractCheck(app.getHttpAdapter().getInstance(), { mode: contractCheck, logger });
    registerHookRoutes(
      app.getHttpAdapter().getInstance(),
      app.get(IngestService),
      config.SWITCHYARD_MAX_BODY_BYTES,
      () => config.publicUrl,
      app.get(Metrics),
      app.get(TRACING),
    );
    const dispatcher = app.get<Dispatcher>(DISPATCHER);
    registerWaitRoutes(app.getHttpAdapter().getInstance(), app.get(WaitStore), (ids) => dispatcher.dispatch(ids));
    await registerApiDocsAssets(app.getHttpAdapter().getInstance());
    if (raw.SWITCHYARD_METRICS_TOKEN)
      registerMetricsRoute(app.getHttpAdapter().getInstance(), app.get(Metrics), raw.SWITCHYARD_METRICS_TOKEN);
    if (hasWeb) await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'] });
    else logger.warn({ webDir }, 'the web UI is not built; run `npm run build` to serve it');
    await app.listen(config.PORT, config.HOST);
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    if (!raw.SWITCHYARD_PUBLIC_URL) {
      config.environmentPublicUrl = `http://localhost:${port}`;
      app.get(SettingsStore, { strict: false }).applyPublicUrl();
    }
    const stopHttp = async () => {
      drain.draining = true;
      await closeHttpGracefully(app.getHttpAdapter().getInstance());
    };
    return {
      config,
      url: `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`,
      app,
      close: closer(app, embedded, stopHttp),
    };
  } catch (err) {
    await embedded?.stop().catch(() => undefined);
    throw err;
  }
}

/**
 * Graceful shutdown, in order: readiness turns 503 and the listener closes while the requests in
 * flight finish (their group-commit writes included), then the runs in flight get their deadline
 * (RuntimeLifecycle in runtime/runtime-lifecycle.ts), then the connections close.
 */
function closer(
  app: INestApplicationContext,
  embedded: EmbeddedDatabase | null,
  stopHttp: () => Promise<void> = async () => undefined,
): () => Promise<void> {
  let closing: Promise<void> | null = null;
  return () =>
    (closing ??= (async () => {
      await stopHttp();
      await app.close();
      await embedded?.stop();
    })());
}
