import { randomUUID } from 'node:crypto';
import type { CredentialResolver, EnginePorts, HttpInvoker, MailSender } from '@switchyard/engine';

/**
 * The ports the engine runs with in this process: guarded HTTP and SMTP, the clock, ids, and the
 * stored credentials and egress allow-list of the workspace whose run (or builder test) it is.
 */
export class EnginePortsFactory {
  private readonly shared: EnginePorts;

  constructor(
    http: HttpInvoker,
    mail: MailSender,
    private readonly credentialsFor?: (workspaceId: string) => CredentialResolver,
    /** Outbound HTTP under the workspace's own egress allow-list (settings/workspace-http.ts); the shared invoker without it. */
    private readonly httpFor?: (workspaceId: string) => HttpInvoker,
  ) {
    this.shared = { http, clock: { now: () => Date.now() }, ids: { uuid: () => randomUUID() }, mail };
  }

  forWorkspace(workspaceId: string): EnginePorts {
    const ports = this.httpFor ? { ...this.shared, http: this.httpFor(workspaceId) } : this.shared;
    return this.credentialsFor ? { ...ports, credentials: this.credentialsFor(workspaceId) } : ports;
  }
}
