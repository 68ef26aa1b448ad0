import { describe, expect, it } from 'vitest';
import { Metrics } from './metrics';
import { hasMetricsToken } from './metrics-server';

describe('Metrics', () => {
  it('labels per-workflow series with the workflow id only when the operator opts in', async () => {
    const closed = new Metrics({ role: 'api', workflowLabels: false, processMetrics: false });
    closed.webhooksReceived.inc(closed.wf('wf-1', { verdict: 'accepted', status: 202 }));
    expect(await closed.render()).toContain('switchyard_webhooks_received_total{verdict="accepted",status="202",role="api"} 1');

    const open = new Metrics({ role: 'worker', workflowLabels: true, processMetrics: false });
    open.runsFinished.inc(open.wf('wf-1', { status: 'failed' }));
    expect(await open.render()).toContain('switchyard_runs_finished_total{status="failed",workflow="wf-1",role="worker"} 1');
  });

  it('reads the queue once per scrape, and counts the scrapes that could not', async () => {
    const metrics = new Metrics({ role: 'all', workflowLabels: false, processMetrics: false });
    let reads = 0;
    metrics.watchQueue(async () => {
      reads++;
      return { queued: 3, oldestQueuedAgeSeconds: 12.5, waiting: 1 };
    });
    const text = await metrics.render();
    expect(reads).toBe(1);
    expect(text).toContain('switchyard_queue_depth{role="all"} 3');
    expect(text).toContain('switchyard_queue_oldest_age_seconds{role="all"} 12.5');
    expect(text).toContain('switchyard_waiting_runs{role="all"} 1');

    let down = false;
    metrics.watchQueue(async () => {
      if (down) throw new Error('database down');
      return { queued: 4, oldestQueuedAgeSeconds: 1, waiting: 0 };
    });
    expect(await metrics.render()).toContain('switchyard_queue_depth{role="all"} 4');
    down = true;
    const failed = await metrics.render();
    expect(failed).toContain('switchyard_queue_depth{role="all"} 4');
    expect(failed).toContain('switchyard_queue_read_errors_total{role="all"} 1');
  });
});

describe('hasMetricsToken', () => {
  it('accepts only the bearer token itself', () => {
    expect(hasMetricsToken('Bearer abcdefghijklmnop', 'abcdefghijklmnop')).toBe(true);
    expect(hasMetricsToken('bearer abcdefghijklmnop', 'abcdefghijklmnop')).toBe(true);
    expect(hasMetricsToken('Bearer abcdefghijklmnoq', 'abcdefghijklmnop')).toBe(false);
    expect(hasMetricsToken('abcdefghijklmnop', 'abcdefghijklmnop')).toBe(false);
    expect(hasMetricsToken(undefined, 'abcdefghijklmnop')).toBe(false);
  });
});
