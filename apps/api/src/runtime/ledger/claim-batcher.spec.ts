import { describe, expect, it } from 'vitest';
import { ClaimBatcher } from './claim-batcher';

interface Call {
  name: string;
  ids: string[];
  settle: () => void;
}

/** A database whose statements wait until the test settles them; it claims every id except `taken`, and fails on `bad`. */
function fakeDb(taken: string[] = []) {
  const calls: Call[] = [];
  const db = {
    query: (config: { name: string; values: unknown[] }) =>
      new Promise((resolve, reject) => {
        const ids = Array.isArray(config.values[0]) ? (config.values[0] as string[]) : [config.values[0] as string];
        calls.push({
          name: config.name,
          ids,
          settle: () =>
            ids.includes('bad')
              ? reject(new Error('invalid input syntax for type uuid: "bad"'))
              : resolve({ rows: ids.filter((id) => !taken.includes(id)).map((id) => ({ id, worker: config.values[1] })) }),
        });
      }),
  };
  return { db: db as never, calls };
}

const STATEMENTS = { one: { name: 'one', text: 'ONE' }, many: { name: 'many', text: 'MANY' } };
const tick = () => new Promise((r) => setImmediate(r));

describe('ClaimBatcher', () => {
  it('sends a lone claim at once, in the one-run statement, with the other parameters', async () => {
    const { db, calls } = fakeDb();
    const batcher = new ClaimBatcher<{ id: string; worker: unknown }>(db, STATEMENTS, () => ['w1', 30]);
    const claim = batcher.claim('a');
    // No timer: the statement is out before anything else runs.
    expect(calls.map((c) => [c.name, c.ids])).toEqual([['one', ['a']]]);
    calls[0].settle();
    expect(await claim).toEqual({ id: 'a', worker: 'w1' });
  });

  it('coalesces the claims that arrive while two statements are in flight into one statement', async () => {
    const { db, calls } = fakeDb(['taken']);
    const batcher = new ClaimBatcher<{ id: string }>(db, STATEMENTS, () => []);
    const claims = ['a', 'b', 'c', 'taken', 'd', 'c'].map((id) => batcher.claim(id));
    expect(calls.map((c) => [c.name, c.ids])).toEqual([
      ['one', ['a']],
      ['one', ['b']],
    ]);
    calls[0].settle();
    await tick();
    // The first slot freed: everything that waited goes in one statement.
    expect(calls.map((c) => [c.name, c.ids])).toEqual([
      ['one', ['a']],
      ['one', ['b']],
      ['many', ['c', 'taken', 'd', 'c']],
    ]);
    calls[1].settle();
    calls[2].settle();
    const rows = await Promise.all(claims);
    // Each caller gets its own run; one not claimed comes back null, and so does a second ask for the same run.
    expect(rows.map((r) => r?.id ?? null)).toEqual(['a', 'b', 'c', null, 'd', null]);
  });

  it('tries a failing batch again claim by claim, so only the bad one fails', async () => {
    const { db, calls } = fakeDb();
    const batcher = new ClaimBatcher<{ id: string }>(db, STATEMENTS, () => []);
    const claims = ['a', 'b', 'c', 'bad', 'd'].map((id) => batcher.claim(id));
    calls[0].settle();
    calls[1].settle();
    await tick();
    expect(calls[2].ids).toEqual(['c', 'bad', 'd']);
    calls[2].settle();
    await tick();
    expect(calls.slice(3).map((c) => [c.name, c.ids])).toEqual([
      ['one', ['c']],
      ['one', ['bad']],
      ['one', ['d']],
    ]);
    calls.slice(3).forEach((c) => c.settle());
    const settled = await Promise.allSettled(claims);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value?.id : null))).toEqual(['a', 'b', 'c', null, 'd']);
    expect((settled[3] as PromiseRejectedResult).reason.message).toMatch(/invalid input syntax/);
  });

  it('caps a batch at maxBatch claims', async () => {
    const { db, calls } = fakeDb();
    const batcher = new ClaimBatcher<{ id: string }>(db, STATEMENTS, () => [], { maxBatch: 3, maxInFlight: 1 });
    const claims = ['a', 'b', 'c', 'd', 'e'].map((id) => batcher.claim(id));
    calls[0].settle();
    await tick();
    calls[1].settle();
    await tick();
    calls[2].settle();
    expect(calls.map((c) => c.ids)).toEqual([['a'], ['b', 'c', 'd'], ['e']]);
    expect((await Promise.all(claims)).map((r) => r?.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
