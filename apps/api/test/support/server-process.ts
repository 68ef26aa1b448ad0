import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { TEST_OWNER_ENV } from './client';

export const MAIN_JS = resolve(__dirname, '../../dist/main.js');

export interface ServerProcess {
  child: ChildProcess;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

/** Starts the BUILT server (`apps/api/dist/main.js`) as a child process, as a user would. */
export function startServerProcess(args: string[], env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, [MAIN_JS, ...args], {
    // Seeded with the test owner and its API key, which ApiClient sends by default.
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      LOG_LEVEL: 'warn',
      SWITCHYARD_CONTRACT_CHECK: 'strict',
      ...TEST_OWNER_ENV,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  return {
    child,
    output: () => out,
    stop: (signal = 'SIGTERM') =>
      new Promise((res) => {
        // A process killed by a signal has no exit code but a signal code.
        if (child.exitCode !== null || child.signalCode !== null) return res(child.exitCode);
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.once('exit', (code) => {
          clearTimeout(timer);
          res(code);
        });
        child.kill(signal);
      }),
  };
}

/** Waits until GET url answers 200, or the process dies, or the time is up. */
export async function waitUntilReady(url: string, server: ServerProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (server.child.exitCode !== null) throw new Error(`server exited with ${server.child.exitCode}:\n${server.output()}`);
    try {
      const res = await fetch(url);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server not ready after ${timeoutMs} ms:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
