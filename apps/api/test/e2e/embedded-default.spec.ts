import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/client';
import { freePort, MAIN_JS, startServerProcess, waitUntilReady, type ServerProcess } from '../support/server-process';
import { startSink, type Sink } from '../support/sink';
import { mapFilterHttp } from '../support/workflows';

// What `npm start` does, with no DATABASE_URL and no REDIS_URL: one process on the embedded PostgreSQL.
describe('the built server on the embedded default', () => {
  let dataDir: string;
  let sink: Sink;
  let server: ServerProcess | null = null;
  let port: number;

  const start = async () => {
    server = startServerProcess([], { PORT: String(port), SWITCHYARD_DATA_DIR: dataDir, SWITCHYARD_EGRESS_ALLOW: '127.0.0.1/32' });
    await waitUntilReady(`http://127.0.0.1:${port}/api/health/ready`, server);
    return new ApiClient(`http://127.0.0.1:${port}`);
  };

  beforeAll(async () => {
    expect(existsSync(MAIN_JS), 'build the api first (npm run build)').toBe(true);
    dataDir = mkdtempSync(join(tmpdir(), 'switchyard-e2e-'));
    sink = await startSink();
    port = await freePort();
  });

  afterAll(async () => {
    await server?.stop();
    await sink?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('takes a webhook to a run that sends the mapped body to a local sink, and keeps its data across restarts', async () => {
    let api = await start();
    expect(server!.output()).toMatch(/Switchyard \(all\) is running at http:\/\/localhost:\d+ .*embedded PostgreSQL/);
    const ready = await api.request('GET', '/api/health/ready');
    expect(ready.body).toMatchObject({ database: 'up', queue: { kind: 'in-process', status: 'up' } });

    const workflow = await api.createWorkflow(mapFilterHttp(sink.url));
    const accepted = await api.hook(workflow.trigger.token, { id: 'E2E-1', amount: 7 });
    expect(accepted.status).toBe(202);
    const run = await api.waitForRun(accepted.body.runId);
    expect(run.status).toBe('succeeded');
    const received = sink.requests.find((r) => r.url === '/orders/E2E-1');
    expect(JSON.parse(received!.body)).toEqual({ order: 'E2E-1', total: 14, at: run.startedAt });

    const home = await fetch(`http://127.0.0.1:${port}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<div id="root">');

    expect(await server!.stop('SIGTERM')).toBe(0);
    api = await start();
    const again = await api.request('GET', `/api/runs/${run.id}`);
    expect(again.body.status).toBe('succeeded');
    const second = await api.hook(workflow.trigger.token, { id: 'E2E-2', amount: 8 });
    expect((await api.waitForRun(second.body.runId)).status).toBe('succeeded');
  });
});
