/** Exit codes of every command: scripts tell a refused or failed operation from a mistyped call. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** What a command gets besides its arguments: the environment, where to print, how to fail. */
export interface CliContext {
  env: NodeJS.ProcessEnv;
  /** Results (the JSON of --json goes here alone). */
  out(line: string): void;
  /** Progress, warnings and errors. */
  err(line: string): void;
  /** The exit code once the action returns (default 0); thrown errors give 1. */
  setExitCode(code: number): void;
}
