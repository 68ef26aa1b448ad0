import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const SWITCHYARD_CLI = resolve(__dirname, '../../dist/cli/switchyard.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr, for assertion messages. */
  output: string;
}

/** Runs the BUILT `switchyard` command as an operator would, with only the given environment. */
export function runCli(args: string[], env: Record<string, string>, timeoutMs = 120_000): Promise<CliRun> {
  return new Promise((res) => {
    const child = spawn(process.execPath, [SWITCHYARD_CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      res({ code, stdout, stderr, output: `${stdout}${stderr}` });
    });
  });
}
