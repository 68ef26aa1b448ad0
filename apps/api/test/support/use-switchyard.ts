import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { type ApiClient, TEST_OWNER } from './client';
import { createTestDatabase, REDIS_URL, type TestDatabase } from './database';
import { SessionClient } from './session-client';
import { startSink, type Sink } from './sink';
import { startTestSwitchyard } from './switchyard';

/** What startTestSwitchyard returns: the instance, and an API client (null for the worker role). */
export type StartedSwitchyard = Awaited<ReturnType<typeof startTestSwitchyard>>;
export type TestInstance = StartedSwitchyard['instance'];
type StartOptions = Omit<Parameters<typeof startTestSwitchyard>[0], 'databaseUrl'>;

export interface UseSwitchyardOptions {
  /** Dispatch runs through BullMQ on the shared test Redis (REDIS_URL) instead of in process. */
  redis?: boolean;
  /**
   * Worker-role instances to start beside an `api`-role one, on Redis under one queue prefix (the
   * scale-out shape). 0, the default, starts one instance of role `all`.
   */
  workers?: number;
  /** Settings of the api (or `all`) instance; a function is read when the instance starts. */
  env?: Record<string, string> | (() => Record<string, string>);
  /** Settings of each worker. */
  workerEnv?: Record<string, string>;
  /** false: only the database and the sink; start instances with `start()`. */
  server?: boolean;
}

/** The fields are there from the fixture's beforeAll on: read them in hooks and tests, not at collection. */
export interface SwitchyardFixture {
  /** A fresh database, dropped after the file (or the describe block). */
  readonly db: TestDatabase;
  /** A local HTTP receiver for http steps (SWITCHYARD_EGRESS_ALLOW=127.0.0.1/32). */
  readonly sink: Sink;
  /** The api (or `all`) instance. */
  readonly instance: TestInstance;
  /** Its base URL. */
  readonly url: string;
  /** Calls it with the test owner's API key (TEST_OWNER). */
  readonly api: ApiClient;
  /** The worker-role instances (`workers`). */
  readonly workers: StartedSwitchyard[];
  /** The queue prefix every instance of the fixture shares. */
  readonly queuePrefix: string;
  /** A browser-like caller signed in with a password (the test owner by default). */
  signIn(email?: string, password?: string): Promise<SessionClient>;
  /** Starts one more instance on the same database, closed after the tests (e.g. a second api process). */
  start(options?: StartOptions): Promise<StartedSwitchyard>;
  /** Closes the api (or `all`) instance and starts it again with the same settings, on the same database. */
  restart(): Promise<void>;
}

/**
 * A fresh database for the tests of the enclosing file or describe block: created in beforeAll,
 * dropped in afterAll. Read `.current` in hooks and tests.
 */
export function useTestDatabase(): { readonly current: TestDatabase } {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });
  return {
    get current() {
      if (!db) throw new Error('useTestDatabase: the database exists from its beforeAll on');
      return db;
    },
  };
}

/**
 * Registers beforeAll/afterAll hooks that start Switchyard in this process on a fresh test
 * database, with a loopback sink, seeded with the test owner, and stop everything afterwards
 * (instances in reverse order, then the sink, then the database).
 *
 *   const sy = useSwitchyard({ redis: true });
 *   it('...', async () => { const wf = await sy.api.createWorkflow(mapFilterHttp(sy.sink.url)); });
 *
 * Hooks registered before the call run before the fixture's beforeAll (and their afterAll after
 * the fixture's): start what its `env` function needs there.
 */
export function useSwitchyard(options: UseSwitchyardOptions = {}): SwitchyardFixture {
  const { redis = false, workers = 0, workerEnv = {}, server = true } = options;
  const queuePrefix = `sy-test-${randomBytes(4).toString('hex')}`;
  const redisUrl = redis || workers > 0 ? REDIS_URL : undefined;
  const db = useTestDatabase();
  const stops: Array<() => Promise<void>> = [];
  let sink: Sink | undefined;
  let main: StartedSwitchyard | undefined;
  const started: StartedSwitchyard[] = [];

  const start = async (startOptions: StartOptions = {}) => {
    const instance = await startTestSwitchyard({ databaseUrl: db.current.url, queuePrefix, ...startOptions });
    stops.push(() => instance.instance.close());
    return instance;
  };
  const startMain = async () => {
    const env = typeof options.env === 'function' ? options.env() : options.env;
    return start({ role: workers > 0 ? 'api' : 'all', redisUrl, env });
  };

  beforeAll(async () => {
    sink = await startSink();
    if (!server) return;
    main = await startMain();
    for (let i = 0; i < workers; i++) started.push(await start({ role: 'worker', redisUrl, env: workerEnv }));
  });

  afterAll(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
    await sink?.close();
  });

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(
        `useSwitchyard: no ${what} yet (it exists from the fixture's beforeAll on${server ? '' : ', and server: false starts none'})`,
      );
    return value;
  };

  return {
    get db() {
      return db.current;
    },
    get sink() {
      return need(sink, 'sink');
    },
    get instance() {
      return need(main, 'instance').instance;
    },
    get url() {
      return need(main?.instance.url ?? undefined, 'url');
    },
    get api() {
      return need(main?.api ?? undefined, 'api client');
    },
    get workers() {
      return started;
    },
    queuePrefix,
    async signIn(email = TEST_OWNER.email, password = TEST_OWNER.password) {
      const session = new SessionClient(this.url);
      await session.login(email, password);
      return session;
    },
    start,
    async restart() {
      const current = need(main, 'instance');
      await current.instance.close();
      main = await startMain();
    },
  };
}
