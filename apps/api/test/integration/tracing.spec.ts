import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOtlpReceiver, type ReceivedSpan } from '../support/otlp-receiver';
import { useSwitchyard } from '../support/use-switchyard';
import { mapFilterHttp } from '../support/workflows';

const SERVER = 2;
const CLIENT = 3;
const ERROR = 2;

describe('traces over OTLP (OTEL_EXPORTER_OTLP_ENDPOINT set)', () => {
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });
  const sy = useSwitchyard({ env: () => ({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '50' }) });

  it('exports one trace per run: the ingest request, the run under it, a span per step, and traceparent on the outbound call', async () => {
    const workflow = await sy.api.createWorkflow(mapFilterHttp(sy.sink.url));
    // The sender's own trace: the ingest span continues it.
    const senderTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const senderSpan = '00f067aa0ba902b7';
    const res = await fetch(`${sy.url}/hooks/${workflow.trigger.token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${senderTrace}-${senderSpan}-01` },
      body: JSON.stringify({ id: 'T-1', amount: 30 }),
    });
    expect(res.status).toBe(202);
    const { runId } = (await res.json()) as { runId: string };
    const run = await sy.api.waitForRun(runId);
    expect(run.status).toBe('succeeded');

    const ofRun = (spans: ReceivedSpan[]) => spans.filter((s) => s.traceId === senderTrace);
    const spans = ofRun(
      await receiver.waitFor((all) => {
        const mine = ofRun(all);
        return mine.some((s) => s.name === 'run') && mine.filter((s) => s.name.startsWith('step ')).length === 3;
      }),
    );

    const ingest = spans.find((s) => s.name === 'POST /hooks/:token')!;
    expect(ingest).toMatchObject({ kind: SERVER, parentSpanId: senderSpan });
    expect(ingest.attributes).toMatchObject({
      'http.response.status_code': 202,
      'switchyard.verdict': 'accepted',
      'switchyard.workflow_id': workflow.id,
    });
    expect(ingest.resource).toMatchObject({ 'service.name': 'switchyard', 'switchyard.role': 'all' });

    const runSpan = spans.find((s) => s.name === 'run')!;
    expect(runSpan.parentSpanId).toBe(ingest.spanId);
    expect(runSpan.attributes).toMatchObject({
      'switchyard.run_id': runId,
      'switchyard.workflow_id': workflow.id,
      'switchyard.run.status': 'succeeded',
    });

    const steps = spans
      .filter((s) => s.name.startsWith('step '))
      .sort((a, b) => Number(BigInt(a.startTimeUnixNano) - BigInt(b.startTimeUnixNano)));
    expect(steps.map((s) => [s.name, s.attributes['switchyard.step.id'], s.parentSpanId])).toEqual([
      ['step map', 'shape', runSpan.spanId],
      ['step filter', 'big', runSpan.spanId],
      ['step http', 'send', runSpan.spanId],
    ]);
    for (const s of steps) expect(BigInt(s.endTimeUnixNano) >= BigInt(s.startTimeUnixNano)).toBe(true);

    const call = spans.find((s) => s.kind === CLIENT)!;
    expect(call).toMatchObject({ name: 'HTTP POST', parentSpanId: runSpan.spanId });
    expect(call.attributes).toMatchObject({ 'http.response.status_code': 200, 'server.address': new URL(sy.sink.url).host });

    const received = sy.sink.requests.find((r) => r.url === '/orders/T-1')!;
    expect(received.headers.traceparent).toBe(`00-${senderTrace}-${call.spanId}-01`);
    const stored = await sy.db.query<{ trace_parent: string }>('SELECT trace_parent FROM runs WHERE id = $1', [runId]);
    expect(stored[0].trace_parent).toBe(`00-${senderTrace}-${ingest.spanId}-01`);
  });

  it('starts a new trace for a request without traceparent; retried executions join it, failures are marked', async () => {
    const workflow = await sy.api.createWorkflow(mapFilterHttp(sy.sink.url));
    sy.sink.respondWith(500, { message: 'down' });
    let runId: string;
    try {
      runId = (await sy.api.hook(workflow.trigger.token, { id: 'T-2', amount: 30 })).body.runId;
      expect((await sy.api.waitForRun(runId)).status).toBe('failed');
    } finally {
      sy.sink.respondWith(200);
    }
    const isRun = (s: ReceivedSpan) => s.name === 'run' && s.attributes['switchyard.run_id'] === runId;
    const all = await receiver.waitFor((spans) => spans.some((s) => isRun(s) && s.attributes['switchyard.run.status'] === 'failed'));
    const executions = all.filter(isRun);
    const traceId = executions[0].traceId;
    const ingest = all.find((s) => s.traceId === traceId && s.name === 'POST /hooks/:token')!;
    expect(ingest.parentSpanId ?? '').toBe('');
    // The http step's retries are executions of the same run: each a run span under the same ingest span.
    expect(executions.length).toBeGreaterThan(1);
    for (const e of executions) expect(e).toMatchObject({ traceId, parentSpanId: ingest.spanId });
    expect(executions.map((e) => e.attributes['switchyard.run.status'])).toContain('waiting');
    const last = executions.find((e) => e.attributes['switchyard.run.status'] === 'failed')!;
    expect(last.status?.code).toBe(ERROR);
    const failedStep = all.find((s) => s.parentSpanId === last.spanId && s.name === 'step http')!;
    expect(failedStep.status).toMatchObject({ code: ERROR });
    expect(failedStep.status?.message).toContain('HTTP_STATUS');
  });
});

describe('without an OTLP endpoint', () => {
  const sy = useSwitchyard();

  it('traces nothing: no traceparent goes out and none is stored', async () => {
    const workflow = await sy.api.createWorkflow(mapFilterHttp(sy.sink.url));
    const { body } = await sy.api.hook(workflow.trigger.token, { id: 'N-1', amount: 30 });
    expect((await sy.api.waitForRun(body.runId)).status).toBe('succeeded');
    const received = sy.sink.requests.find((r) => r.url === '/orders/N-1')!;
    expect(received.headers.traceparent).toBeUndefined();
    const stored = await sy.db.query<{ trace_parent: string | null }>('SELECT trace_parent FROM runs WHERE id = $1', [body.runId]);
    expect(stored[0].trace_parent).toBeNull();
  });
});
