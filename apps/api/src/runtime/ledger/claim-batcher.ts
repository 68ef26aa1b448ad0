import type { Pool } from 'pg';

/** The two forms of the claim: one run (`$1` its id) and many (`$1` a uuid[] of ids, rows locked in id order). */
export interface ClaimStatements {
  one: { name: string; text: string };
  many: { name: string; text: string };
}

interface Pending<Row> {
  runId: string;
  resolve: (row: Row | null) => void;
  reject: (err: unknown) => void;
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
  private pending: Array<Pending<Row>> = [];
  private inFlight = 0;

  constructor(
    private readonly db: Pick<Pool, 'query'>,
    private readonly statements: ClaimStatements,
    /** The parameters after the id(s): `$2`, `$3`, ... of both statements. */
    private readonly params: () => unknown[],
    private readonly options = { maxBatch: 200, maxInFlight: 2 },
  ) {}

  claim(runId: string): Promise<Row | null> {
    return new Promise((resolve, reject) => {
      this.pending.push({ runId, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.pending.length > 0) {
      const batch = this.pending.splice(0, this.options.maxBatch);
      this.inFlight++;
      void this.flush(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async flush(batch: Array<Pending<Row>>): Promise<void> {
    let rows: Row[];
    try {
      const { name, text } = batch.length === 1 ? this.statements.one : this.statements.many;
      const first = batch.length === 1 ? batch[0].runId : batch.map((p) => p.runId);
      rows = (await this.db.query<Row>({ name, text, values: [first, ...this.params()] })).rows;
    } catch (err) {
      // One failing claim must not fail its neighbours: each is tried again alone.
      if (batch.length > 1) {
        await Promise.all(batch.map((p) => this.flush([p])));
        return;
      }
      for (const p of batch) p.reject(err);
      return;
    }
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const p of batch) {
      const row = byId.get(p.runId) ?? null;
      // The same run asked for twice in one batch: claimed once, for the first caller.
      byId.delete(p.runId);
      p.resolve(row);
    }
  }
}
