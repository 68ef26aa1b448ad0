interface Pending<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit (ADR 0004, ADR 0014): the items submitted while earlier writes are in flight (at most
 * `maxInFlight`) are written together by one call of `write` (one statement, so one commit). A lone
 * item goes at once, without waiting for a timer. Each caller's promise settles after its write; a
 * failing batch is tried again item by item, so one bad item does not fail its neighbours.
 * `write` answers one result per item, in the items' order.
 */
export class GroupCommit<Item, Result> {
  private pending: Array<Pending<Item, Result>> = [];
  private inFlight = 0;

  constructor(
    private readonly write: (items: Item[]) => Promise<Result[]>,
    private readonly options: { maxBatch: number; maxInFlight: number },
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
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

  private async flush(batch: Array<Pending<Item, Result>>): Promise<void> {
    let results: Result[];
    try {
      results = await this.write(batch.map((p) => p.item));
    } catch (err) {
      if (batch.length > 1) {
        await Promise.all(batch.map((p) => this.flush([p])));
        return;
      }
      batch[0].reject(err);
      return;
    }
    batch.forEach((p, i) => p.resolve(results[i]));
  }
}
