import { describe, expect, it } from 'vitest';
import { DrainState } from '../../src/lifecycle/drain-state';
import { useSwitchyard } from '../support/use-switchyard';

describe('draining before a shutdown', () => {
  const sy = useSwitchyard();

  it('turns readiness to 503 and closes connections after each answer, while still serving requests', async () => {
    const ready = await sy.api.request('GET', '/api/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.headers.get('connection')).not.toBe('close');

    sy.instance.app.get(DrainState).draining = true;
    const draining = await sy.api.request('GET', '/api/health/ready');
    expect(draining.status).toBe(503);
    expect(draining.body).toMatchObject({ status: 'draining' });
    expect(draining.headers.get('connection')).toBe('close');
    // The requests that still arrive are answered, so that nothing in flight is cut off.
    const live = await sy.api.request('GET', '/api/health/live');
    expect(live.status).toBe(200);
    expect(live.headers.get('connection')).toBe('close');
  });

  it('stops listening on close and refuses new connections', async () => {
    await sy.instance.close();
    await expect(fetch(`${sy.api.baseUrl}/api/health/live`)).rejects.toThrow();
  });
});
