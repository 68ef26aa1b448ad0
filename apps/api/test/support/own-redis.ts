import { type ChildProcess, spawn, spawnSync } from 'node:child_process';

/** Without a redis-server binary a developer's run skips the suites that need one and says why; on CI it is required. */
export function redisServerMissing(): boolean {
  const missing = spawnSync('redis-server', ['--version']).error !== undefined && !process.env.CI;
  if (missing) console.warn('skipped: no redis-server on PATH (these tests run their own Redis; required on CI)');
  return missing;
}

/** A redis-server of our own on its own port, without persistence: a restart forgets every job. */
export class OwnRedis {
  private child: ChildProcess | null = null;
  constructor(readonly port: number) {}

  async start(): Promise<void> {
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${out}`)), 15_000);
      child.stdout?.on('data', (d) => {
        out += d;
        if (/Ready to accept connections/.test(out)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}:\n${out}`)));
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    this.child = null;
  }
}
