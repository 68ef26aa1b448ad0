import { describe, expect, it } from 'vitest';
import { pinRequestOf, selectionOf } from './use-pinned-sample';

const trigger = { body: { a: 1 }, headers: {}, query: {}, method: 'POST', receivedAt: '2026-01-01T00:00:00.000Z' };

describe('pinned sample', () => {
  it('pins a recorded request by its id, anything else as data', () => {
    expect(pinRequestOf({ source: 'request', requestId: 'r1', trigger })).toEqual({ source: 'request', requestId: 'r1' });
    expect(pinRequestOf({ source: 'template', trigger })).toEqual({ source: 'template', trigger });
    expect(pinRequestOf({ source: 'request', trigger })).toEqual({ source: 'template', trigger });
  });

  it('turns a pinned sample back into the builder’s sample', () => {
    const pinnedAt = '2026-01-02T00:00:00.000Z';
    expect(selectionOf({ source: 'request', requestId: 'r1', trigger, pinnedBy: 'Ada', pinnedAt })).toEqual({
      source: 'request',
      requestId: 'r1',
      trigger,
    });
    expect(selectionOf({ source: 'template', requestId: null, trigger, pinnedBy: null, pinnedAt })).toEqual({
      source: 'template',
      trigger,
    });
  });
});
