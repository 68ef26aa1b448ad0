import type { Pool } from 'pg';
import { GroupCommit } from '../../database/group-commit';

/** The two forms of the claim: one run (`$1` its id) and many (`$1` a uuid[] of ids, rows locked in id order). */
export interface ClaimStatements {
  one: { name: string; text: string };
  many: { name: string; text: string };
}

/**
 * Group commit for claims of runs taken one at a time (BullMQ jobs, the sweeper's re-dispatch), as
 * JournalWriter does for checkpoints: a lone claim goes at once, in the one-run statement; the claims
 * that arrive while earlier claim statements are in flight (up to `maxInFlight`) go together, in one
 * statement, so one commit. Each caller gets its run's row, or null when the statement did not claim
 * it (taken by another worker, not claimable, or refused for a concurrency limit: the caller decides
 * what follows). A failing batch is tried again run by run, so one bad claim does not fail its
 * neighbours.
 */
export class ClaimBatcher<Row extends { id: string }> {
  private readonly commits: GroupCommit<string, Row | null>;

  constructor(
    private readonly db: Pick<Pool, 'query'>,
    private readonly statements: ClaimStatements,
    /** The parameters after the id(s): `$2`, `$3`, ... of both statements. */
    private readonly params: () => unknown[],
    options = { maxBatch: 200, maxInFlight: 2 },
  ) {
    this.commits = new GroupCommit((runIds) => this.claimBatch(runIds), options);
  }

  claim(runId: string): Promise<Row | null> {
    return this.commits.submit(runId);
  }

  private async claimBatch(runIds: string[]): Promise<Array<Row | null>> {
    const { name, text } = runIds.length === 1 ? this.statements.one : this.statements.many;
    const first = runIds.length === 1 ? runIds[0] : runIds;
    const { rows } = await this.db.query<Row>({ name, text, values: [first, ...this.params()] });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return runIds.map((runId) => {
      const row = byId.get(runId) ?? null;
      // The same run asked for twice in one batch: claimed once, for the first caller.
      byId.delete(runId);
      return row;
    });
  }
}
