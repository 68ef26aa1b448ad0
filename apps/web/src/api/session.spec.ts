import { afterEach, describe, expect, it } from 'vitest';
import { readCookie, sessionHeaders, setCurrentWorkspaceId, withWorkspaceQuery } from './session';

describe('session headers', () => {
  afterEach(() => setCurrentWorkspaceId(null));

  it('reads a cookie by name', () => {
    expect(readCookie('a=1; sy_csrf=abc%2Bd; b=2', 'sy_csrf')).toBe('abc+d');
    expect(readCookie('a=1', 'sy_csrf')).toBeNull();
  });

  it('sends the chosen workspace on every call', () => {
    expect(sessionHeaders('GET')).toEqual({});
    setCurrentWorkspaceId('w-1');
    expect(sessionHeaders('GET')).toEqual({ 'x-switchyard-workspace': 'w-1' });
  });

  it('puts the workspace in the query of URLs the browser fetches itself', () => {
    expect(withWorkspaceQuery('/api/workflows/1/events')).toBe('/api/workflows/1/events');
    setCurrentWorkspaceId('w 2');
    expect(withWorkspaceQuery('/api/workflows/1/events')).toBe('/api/workflows/1/events?workspace=w%202');
    expect(withWorkspaceQuery('/api/x?a=1')).toBe('/api/x?a=1&workspace=w%202');
  });
});
