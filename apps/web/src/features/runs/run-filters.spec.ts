import { describe, expect, it } from 'vitest';
import { apiRunFilters, EMPTY_FILTERS, hasActiveFilters, readRunFilters, writeRunFilters } from './run-filters';

describe('run list filters in the address', () => {
  it('reads known values and ignores junk', () => {
    const filters = readRunFilters(new URLSearchParams('status=failed&range=24h&q=body.a%20%3D%201&workflow=w1'));
    expect(filters).toEqual({ ...EMPTY_FILTERS, status: 'failed', range: '24h', q: 'body.a = 1', workflowId: 'w1' });
    expect(readRunFilters(new URLSearchParams('status=bogus&range=2y'))).toEqual(EMPTY_FILTERS);
    expect(readRunFilters(new URLSearchParams('deadLetter=true')).deadLetter).toBe(true);
    expect(apiRunFilters({ filters: { ...EMPTY_FILTERS, deadLetter: true }, now: 0 })).toEqual({ deadLetter: true });
    expect(writeRunFilters({ filters: { ...EMPTY_FILTERS, deadLetter: true }, into: new URLSearchParams() }).toString()).toBe(
      'deadLetter=true',
    );
  });

  it('writes only what differs from the defaults and keeps other parameters', () => {
    const written = writeRunFilters({
      filters: { ...EMPTY_FILTERS, status: 'failed', range: 'custom', since: '2026-11-20T08:00', until: '' },
      into: new URLSearchParams('tab=x&q=old'),
    });
    expect(written.toString()).toBe('tab=x&status=failed&range=custom&since=2026-11-20T08%3A00');
  });

  it('drops custom bounds when the range is not custom', () => {
    const written = writeRunFilters({ filters: { ...EMPTY_FILTERS, range: '1h', since: '2026-11-20T08:00' }, into: new URLSearchParams() });
    expect(written.toString()).toBe('range=1h');
  });
});

describe('apiRunFilters', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');

  it('turns the picked range into bounds and trims the search', () => {
    expect(apiRunFilters({ filters: { ...EMPTY_FILTERS, status: 'failed', range: '1h', q: '  body.a = 1 ' }, now })).toEqual({
      status: 'failed',
      since: '2026-11-23T11:00:00.000Z',
      q: 'body.a = 1',
    });
  });

  it('scopes to the page workflow before the picked one', () => {
    expect(apiRunFilters({ filters: { ...EMPTY_FILTERS, workflowId: 'picked' }, now, workflowId: 'page' })).toEqual({ workflowId: 'page' });
    expect(apiRunFilters({ filters: { ...EMPTY_FILTERS, workflowId: 'picked' }, now })).toEqual({ workflowId: 'picked' });
  });

  it('knows when a filter is active', () => {
    expect(hasActiveFilters(EMPTY_FILTERS)).toBe(false);
    expect(hasActiveFilters({ ...EMPTY_FILTERS, q: 'x' })).toBe(true);
    expect(hasActiveFilters({ ...EMPTY_FILTERS, deadLetter: true })).toBe(true);
  });
});
