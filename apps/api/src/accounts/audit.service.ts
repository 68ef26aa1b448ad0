import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, actorLabel } from './auth-context';
import { type AuditPage, auditQuerySchema } from '@switchyard/contract';
import { newId } from '../common/ids';
import { parseInput } from '../common/parse-input';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of raw SQL
type Row = Record<string, any>;

export interface AuditEntry {
  workspaceId: string;
  /** Undefined for changes no caller made (e.g. automated setup). */
  actor: Actor | undefined;
  /** `workflow.created`, `workflow.updated`, `workflow.activated`, `workflow.deactivated`, `workflow.deleted`, `run.replayed`, `member.*`, `api-key.*`, `invite.*`, `credential.*`. */
  action: string;
  target: { type: string; id: string | null; name?: string | null };
  before?: unknown;
  after?: unknown;
}

/** The per-workspace audit log. Services record into it, inside their transaction where they have one. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(entry: AuditEntry, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const actor = entry.actor;
    await manager.query(
      `INSERT INTO audit_events (id, workspace_id, at, actor_type, actor_id, actor_label, action, target_type, target_id, target_name, before, after)
       VALUES ($1, $2, now(), $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        newId(),
        entry.workspaceId,
        actor?.type ?? 'system',
        actor?.id ?? null,
        actor ? actorLabel(actor) : 'Switchyard',
        entry.action,
        entry.target.type,
        entry.target.id,
        entry.target.name ?? null,
        entry.before === undefined ? null : JSON.stringify(entry.before),
        entry.after === undefined ? null : JSON.stringify(entry.after),
      ],
    );
  }

  /** Newest first; `cursor` is the last id of the previous page. */
  async list(workspaceId: string, query: unknown): Promise<AuditPage> {
    const q = parseInput(auditQuerySchema, query, 'query string');
    const rows = await this.dataSource.query(
      `SELECT * FROM audit_events WHERE workspace_id = $1 AND ($2::uuid IS NULL OR id < $2) ORDER BY id DESC LIMIT $3`,
      [workspaceId, q.cursor ?? null, q.limit + 1],
    );
    const page = rows.slice(0, q.limit);
    return {
      items: page.map((r: Row) => ({
        id: r.id,
        at: new Date(r.at).toISOString(),
        actor: { type: r.actor_type, id: r.actor_id, label: r.actor_label },
        action: r.action,
        target: { type: r.target_type, id: r.target_id, name: r.target_name },
        before: r.before,
        after: r.after,
      })),
      nextCursor: rows.length > q.limit ? page[page.length - 1].id : null,
    };
  }
}
