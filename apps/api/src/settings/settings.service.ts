import { lookup } from 'node:dns/promises';
import { Inject, Injectable } from '@nestjs/common';
import {
  type EgressCheckResult,
  type InstanceSettings,
  type WorkspaceSettings,
  egressCheckSchema,
  updateInstanceSettingsSchema,
  updateWorkspaceSettingsSchema,
} from '@switchyard/contract';
import type { Actor } from '../accounts/auth-context';
import { AuditService } from '../accounts/audit.service';
import type { Role } from '../accounts/roles';
import { EgressGuard } from '../adapters/egress-guard';
import { ApiError } from '../common/api-error';
import { parseInput } from '../common/parse-input';
import { APP_CONFIG, type AppConfig } from '../config/config.schema';
import { DEFAULT_WORKSPACE_ID } from '../database/entities/workspace.entity';
import { checkEgress, type Resolve } from './egress-check';
import { SettingsStore } from './settings-store';

const DNS_TIMEOUT_MS = 3_000;

const systemResolve: Resolve = (host) =>
  Promise.race([
    lookup(host, { all: true }).then((all) => all.map((a) => a.address)),
    new Promise<string[]>((_, reject) => setTimeout(() => reject(new Error('DNS timeout')), DNS_TIMEOUT_MS).unref()),
  ]);

/**
 * The Settings pages' api: the instance's public base URL (owners of the Default workspace, the one
 * made at setup), each workspace's egress allow-list (admins), and the egress check the builder uses
 * while a URL is typed. Every change is audited.
 */
@Injectable()
export class SettingsService {
  constructor(
    private readonly store: SettingsStore,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async instance(workspaceId: string, role: Role | undefined): Promise<InstanceSettings> {
    return this.instanceDto(this.store.instanceSettings(), workspaceId, role);
  }

  async updateInstance(workspaceId: string, role: Role | undefined, actor: Actor, body: unknown): Promise<InstanceSettings> {
    const input = parseInput(updateInstanceSettingsSchema, body);
    if (workspaceId !== DEFAULT_WORKSPACE_ID) {
      throw new ApiError(
        403,
        'forbidden',
        'Instance settings are kept by the owners of the Default workspace; switch to it to change them',
      );
    }
    const before = await this.store.refreshInstance();
    const publicUrl = input.publicUrl ? input.publicUrl : null;
    const after = await this.store.saveInstance(publicUrl);
    await this.audit.record({
      workspaceId,
      actor,
      action: 'settings.instance-updated',
      target: { type: 'settings', id: 'instance', name: 'Instance settings' },
      before: { publicUrl: before.publicUrl },
      after: { publicUrl: after.publicUrl },
    });
    return this.instanceDto(after, workspaceId, role);
  }

  async workspace(workspaceId: string): Promise<WorkspaceSettings> {
    const stored = await this.store.workspace(workspaceId);
    return this.workspaceDto(stored);
  }

  async updateWorkspace(workspaceId: string, actor: Actor, body: unknown): Promise<WorkspaceSettings> {
    const input = parseInput(updateWorkspaceSettingsSchema, body);
    const entries = [...new Set(input.egressAllow)];
    entries.forEach((entry, i) => {
      try {
        new EgressGuard([entry]);
      } catch (err) {
        throw new ApiError(400, 'validation_failed', 'The request body is invalid', [
          {
            path: `egressAllow[${i}]`,
            message: /CIDR/.test((err as Error).message) ? 'is not a valid CIDR range (e.g. 10.0.0.0/8)' : (err as Error).message,
          },
        ]);
      }
    });
    const before = await this.store.workspace(workspaceId);
    const after = await this.store.saveWorkspace(workspaceId, entries);
    await this.audit.record({
      workspaceId,
      actor,
      action: 'settings.workspace-updated',
      target: { type: 'settings', id: 'workspace', name: 'Allowed private hosts' },
      before: { egressAllow: before.egressAllow },
      after: { egressAllow: after.egressAllow },
    });
    return this.workspaceDto(after);
  }

  async checkEgress(workspaceId: string, body: unknown, resolve: Resolve = systemResolve): Promise<EgressCheckResult> {
    const { url } = parseInput(egressCheckSchema, body);
    const { egressAllow } = await this.store.workspace(workspaceId);
    return checkEgress({ url, environmentAllow: this.config.egressAllow, workspaceAllow: egressAllow, resolve });
  }

  private instanceDto(
    stored: { publicUrl: string | null; updatedAt: Date | null },
    workspaceId: string,
    role: Role | undefined,
  ): InstanceSettings {
    return {
      publicUrl: stored.publicUrl,
      environmentPublicUrl: this.store.environmentPublicUrl,
      effectivePublicUrl: stored.publicUrl ?? this.store.environmentPublicUrl,
      canEdit: workspaceId === DEFAULT_WORKSPACE_ID && role === 'owner',
      updatedAt: stored.updatedAt ? new Date(stored.updatedAt).toISOString() : null,
    };
  }

  private workspaceDto(stored: { egressAllow: string[]; updatedAt: Date | null }): WorkspaceSettings {
    return {
      egressAllow: stored.egressAllow,
      environmentEgressAllow: this.config.egressAllow,
      updatedAt: stored.updatedAt ? new Date(stored.updatedAt).toISOString() : null,
    };
  }
}
