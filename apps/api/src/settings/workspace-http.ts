import type { HttpInvoker, HttpRequest, HttpResponse } from '@switchyard/engine';
import { EgressGuard } from '../adapters/egress-guard';
import { GuardedHttpInvoker } from '../adapters/http-invoker';
import type { SettingsStore } from './settings-store';

/** Invokers kept for distinct allow-lists; the oldest is closed (after its calls finish) beyond this. */
const MAX_INVOKERS = 32;

/**
 * Outbound HTTP for one workspace: the shared invoker when the workspace allows nothing more than the
 * environment, else an invoker whose guard adds the workspace's entries. Each allow-list gets its own
 * connection pool, so a connection opened under one workspace's rules never serves another's call.
 */
export class WorkspaceHttp {
  private readonly invokers = new Map<string, GuardedHttpInvoker>();

  constructor(
    private readonly shared: HttpInvoker,
    private readonly environmentAllow: string[],
    private readonly settings: SettingsStore,
  ) {}

  forWorkspace(workspaceId: string): HttpInvoker {
    return {
      send: async (req: HttpRequest): Promise<HttpResponse> => {
        const { egressAllow } = await this.settings.workspace(workspaceId);
        return this.invokerFor(egressAllow).send(req);
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.invokers.values()].map((i) => i.close()));
    this.invokers.clear();
  }

  private invokerFor(extra: string[]): HttpInvoker {
    if (extra.length === 0) return this.shared;
    const key = JSON.stringify(extra);
    let invoker = this.invokers.get(key);
    if (!invoker) {
      invoker = new GuardedHttpInvoker(new EgressGuard([...this.environmentAllow, ...extra]));
      this.invokers.set(key, invoker);
      if (this.invokers.size > MAX_INVOKERS) {
        const [oldestKey, oldest] = this.invokers.entries().next().value as [string, GuardedHttpInvoker];
        this.invokers.delete(oldestKey);
        void oldest.close();
      }
    }
    return invoker;
  }
}
