import { describe, expect, it } from 'vitest';
import type { Logger } from '../../common/logger';
import { InProcessDispatcher } from './in-process.dispatcher';

const silent = { error: () => undefined } as unknown as Logger;
const turn = () => new Promise((resolve) => setImmediate(resolve));

/** An executor that records each call's ids and finishes a run when told to. */
function recorder() {
  const calls: string[][] = [];
  const finish = new Map<string, (err?: Error) => void>();
  const execute = (ids: string[]) => {
    calls.push(ids);
    return ids.map((id) => new Promise<void>((resolve, reject) => finish.set(id, (err) => (err ? reject(err) : resolve()))));
  };
  return { calls, finish, execute };
}

describe('InProcessDispatcher', () => {
  it('hands the runs that fit the free slots over together, once per turn of the event loop', async () => {
    const r = recorder();
    const dispatcher = new InProcessDispatcher(r.execute, 3, silent);
    dispatcher.dispatch(['a', 'b']);
    dispatcher.dispatch(['c', 'd', 'e']);
    expect(r.calls).toEqual([]);
    await turn();
    expect(r.calls).toEqual([['a', 'b', 'c']]);
    // Two slots freed in the same turn (a group commit) are filled together.
    r.finish.get('a')!();
    r.finish.get('b')!(new Error('claim failed'));
    await turn();
    await turn();
    expect(r.calls).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
  });

  it('ignores an id already queued or running, and takes it again once done', async () => {
    const r = recorder();
    const dispatcher = new InProcessDispatcher(r.execute, 2, silent);
    dispatcher.dispatch(['a']);
    dispatcher.dispatch(['a']);
    await turn();
    expect(r.calls).toEqual([['a']]);
    r.finish.get('a')!();
    await turn();
    dispatcher.dispatch(['a']);
    await turn();
    expect(r.calls).toEqual([['a'], ['a']]);
  });

  it('waits for the runs in progress when closed, and takes no more', async () => {
    const r = recorder();
    const dispatcher = new InProcessDispatcher(r.execute, 1, silent);
    dispatcher.dispatch(['a', 'b']);
    await turn();
    let closed = false;
    const closing = dispatcher.close().then(() => (closed = true));
    await turn();
    expect(closed).toBe(false);
    r.finish.get('a')!();
    await closing;
    await turn();
    expect(r.calls).toEqual([['a']]);
    expect(await dispatcher.healthy()).toBe(false);
  });

  it('survives an executor that throws: every run of the call is counted as done', async () => {
    let calls = 0;
    const dispatcher = new InProcessDispatcher(
      () => {
        calls++;
        throw new Error('boom');
      },
      2,
      silent,
    );
    dispatcher.dispatch(['a', 'b']);
    await turn();
    await turn();
    dispatcher.dispatch(['c']);
    await turn();
    expect(calls).toBe(2);
  });
});
