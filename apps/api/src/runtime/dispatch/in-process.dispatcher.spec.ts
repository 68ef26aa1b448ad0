import { describe, expect, it } from 'vitest';
import type { Logger } from '../../common/logger';
import type { ClaimedRun } from '../ledger/run-ledger.types';
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

  describe('runs started at ingest (no claim statement)', () => {
    const run = (id: string) => ({ id }) as ClaimedRun;
    function starting() {
      const started: string[] = [];
      const finish = new Map<string, () => void>();
      const released: string[][] = [];
      return {
        started,
        finish,
        released,
        options: {
          workerId: 'me',
          leaseSeconds: 30,
          executeStarted: (r: ClaimedRun) => {
            started.push(r.id);
            return new Promise<void>((resolve) => finish.set(r.id, resolve));
          },
          release: async (ids: string[]) => released.push(ids),
        },
      };
    }

    it('reserves only free slots, and a reserved slot is not given to a queued run', async () => {
      const r = recorder();
      const s = starting();
      const dispatcher = new InProcessDispatcher(r.execute, 3, silent, s.options);
      expect(dispatcher.reserve(2)).toBe(2);
      expect(dispatcher.reserve(5)).toBe(1);
      expect(dispatcher.reserve(1)).toBe(0);
      // One reservation was not used (its run went to a workflow with a concurrency limit): given back.
      dispatcher.unreserve(1);
      dispatcher.start([run('x'), run('y')]);
      expect(s.started).toEqual(['x', 'y']);
      dispatcher.dispatch(['q1', 'q2']);
      await turn();
      expect(r.calls).toEqual([['q1']]);
      // While runs wait in the queue, ingest reserves nothing: they go first.
      expect(dispatcher.reserve(1)).toBe(0);
      s.finish.get('x')!();
      await turn();
      await turn();
      expect(r.calls).toEqual([['q1'], ['q2']]);
    });

    it('counts started runs until they end, for close() too', async () => {
      const r = recorder();
      const s = starting();
      const dispatcher = new InProcessDispatcher(r.execute, 1, silent, s.options);
      expect(dispatcher.reserve(1)).toBe(1);
      dispatcher.start([run('x')]);
      let closed = false;
      const closing = dispatcher.close().then(() => (closed = true));
      await turn();
      expect(closed).toBe(false);
      s.finish.get('x')!();
      await closing;
      expect(closed).toBe(true);
    });

    it('gives the leases back when the runs committed after it closed, and reserves nothing once closed', async () => {
      const r = recorder();
      const s = starting();
      const dispatcher = new InProcessDispatcher(r.execute, 2, silent, s.options);
      expect(dispatcher.reserve(2)).toBe(2);
      await dispatcher.close();
      dispatcher.start([run('x'), run('y')]);
      expect(s.started).toEqual([]);
      await turn();
      expect(s.released).toEqual([['x', 'y']]);
      expect(dispatcher.reserve(1)).toBe(0);
    });

    it('reserves nothing without a way to start runs (the default)', () => {
      const dispatcher = new InProcessDispatcher(recorder().execute, 2, silent);
      expect(dispatcher.reserve(2)).toBe(0);
    });
  });
});
