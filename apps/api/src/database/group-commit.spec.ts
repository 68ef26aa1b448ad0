import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit';

/** A writer whose calls stay open until the test settles them. */
function gate() {
  const calls: Array<{ items: number[]; settle: (err?: Error) => void }> = [];
  const write = (items: number[]) =>
    new Promise<string[]>((resolve, reject) =>
      calls.push({ items, settle: (err) => (err ? reject(err) : resolve(items.map((i) => `r${i}`))) }),
    );
  return { calls, write };
}

describe('GroupCommit', () => {
  it('writes a lone item at once, and those that arrive meanwhile together, each answered with its own result', async () => {
    const g = gate();
    const commit = new GroupCommit(g.write, { maxBatch: 10, maxInFlight: 1 });
    const first = commit.submit(1);
    expect(g.calls.map((c) => c.items)).toEqual([[1]]);
    const later = [commit.submit(2), commit.submit(3), commit.submit(4)];
    expect(g.calls).toHaveLength(1);
    g.calls[0].settle();
    expect(await first).toBe('r1');
    await new Promise((r) => setImmediate(r));
    expect(g.calls.map((c) => c.items)).toEqual([[1], [2, 3, 4]]);
    g.calls[1].settle();
    expect(await Promise.all(later)).toEqual(['r2', 'r3', 'r4']);
  });

  it('keeps batches within maxBatch and at most maxInFlight writes open', async () => {
    const g = gate();
    const commit = new GroupCommit(g.write, { maxBatch: 2, maxInFlight: 2 });
    const all = Array.from({ length: 7 }, (_, i) => commit.submit(i + 1));
    expect(g.calls.map((c) => c.items)).toEqual([[1], [2]]);
    g.calls[0].settle();
    await new Promise((r) => setImmediate(r));
    expect(g.calls.map((c) => c.items)).toEqual([[1], [2], [3, 4]]);
    g.calls[1].settle();
    await new Promise((r) => setImmediate(r));
    g.calls[2].settle();
    await new Promise((r) => setImmediate(r));
    expect(g.calls.map((c) => c.items)).toEqual([[1], [2], [3, 4], [5, 6], [7]]);
    g.calls[3].settle();
    g.calls[4].settle();
    expect(await Promise.all(all)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7']);
  });

  it('tries a failing batch again item by item, so only the bad item fails', async () => {
    const calls: number[][] = [];
    const commit = new GroupCommit(
      async (items: number[]) => {
        calls.push(items);
        if (items.includes(13)) throw new Error('bad item 13');
        return items.map((i) => i * 2);
      },
      { maxBatch: 10, maxInFlight: 1 },
    );
    const lone = commit.submit(1);
    const batch = [commit.submit(2), commit.submit(13), commit.submit(4)];
    expect(await lone).toBe(2);
    const settled = await Promise.allSettled(batch);
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message))).toEqual([4, 'bad item 13', 8]);
    expect(calls).toEqual([[1], [2, 13, 4], [2], [13], [4]]);
  });
});
