import { randomUUID } from 'node:crypto';
import type { ConnectionResolver, CredentialResolver, EnginePorts, HttpInvoker, MailSender } from '@switchyard/engine';

/**
 * The ports the engine runs with in this process: guarded HTTP and SMTP, the clock, ids, and the
 * stored credentials and egress allow-list of the workspace whose run (or builder test) it is.
 */
export class EnginePortsFactory {
  private readonly shared: EnginePorts;
  /** Ports bound to the run being executed (waits, workflow calls), added by the modules that own them. */
  private readonly runPorts: Array<(run: { id: string; workspaceId: string }) => Partial<EnginePorts>> = [];

  constructor(
    http: HttpInvoker,
    mail: MailSender,
    private readonly credentialsFor?: (workspaceId: string, options?: { offline?: boolean }) => CredentialResolver,
    private readonly connectionsFor?: (workspaceId: string, options?: { offline?: boolean }) => ConnectionResolver,
    /** Outbound HTTP under the workspace's own egress allow-list (settings/workspace-http.ts); the shared invoker without it. */
    private readonly httpFor?: (workspaceId: string) => HttpInvoker,
  ) {
    this.shared = { http, clock: { now: () => Date.now() }, ids: { uuid: () => randomUUID() }, mail };
  }

  forWorkspace(workspaceId: string): EnginePorts {
    return {
      ...this.shared,
      ...(this.httpFor ? { http: this.httpFor(workspaceId) } : {}),
      ...(this.credentialsFor ? { credentials: this.credentialsFor(workspaceId) } : {}),
      ...(this.connectionsFor ? { connections: this.connectionsFor(workspaceId) } : {}),
    };
  }

  /** Adds ports bound to each executed run (e.g. `waits`, `workflows`). */
  addRunPorts(ports: (run: { id: string; workspaceId: string }) => Partial<EnginePorts>): void {
    this.runPorts.push(ports);
  }

  /** The ports of one run's execution: the workspace's, and those bound to the run. */
  forRun(run: { id: string; workspaceId: string }): EnginePorts {
    return Object.assign(this.forWorkspace(run.workspaceId), ...this.runPorts.map((ports) => ports(run)));
  }

  /**
   * Stored credentials for a dry run or rehearsal (used with the engine's recording ports): read
   * and decrypted here, but no OAuth2 token is fetched, since that request would leave the machine.
   */
  dryRunCredentials(workspaceId: string): CredentialResolver | undefined {
    return this.credentialsFor?.(workspaceId, { offline: true });
  }

  /**
   * App connections for a dry run or rehearsal: the stored values, decrypted (the recording ports
   * mask them in what they record), but no token is refreshed, no "last used" is written and no
   * refusal is reported: nothing leaves the machine and nothing about the connection changes.
   */
  dryRunConnections(workspaceId: string): ConnectionResolver | undefined {
    return this.connectionsFor?.(workspaceId, { offline: true });
  }
}
