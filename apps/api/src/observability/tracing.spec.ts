import { describe, expect, it } from 'vitest';
import { runLogFields } from './log-fields';
import { traceIdOf } from './traceparent';
import { otlpTracesUrl } from './tracing';

describe('otlpTracesUrl', () => {
  it('follows the OpenTelemetry variables: the traces endpoint as is, else the base endpoint + /v1/traces, else none', () => {
    expect(otlpTracesUrl({})).toBeNull();
    expect(otlpTracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe('http://collector:4318/v1/traces');
    expect(otlpTracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })).toBe('http://collector:4318/v1/traces');
    expect(
      otlpTracesUrl({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://other:4318/traces',
      }),
    ).toBe('http://other:4318/traces');
  });
});

describe('run log fields', () => {
  const run = { id: 'r1', workflowId: 'w1', requestId: 'q1' };

  it('carry the run, workflow, request and trace ids', () => {
    expect(runLogFields({ ...run, traceParent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' })).toEqual({
      runId: 'r1',
      workflowId: 'w1',
      requestId: 'q1',
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    });
  });

  it('leave the trace id out without a valid traceparent', () => {
    expect(runLogFields({ ...run, traceParent: null })).toEqual({ runId: 'r1', workflowId: 'w1', requestId: 'q1' });
    expect(traceIdOf('00-XYZ-00f067aa0ba902b7-01')).toBeNull();
  });
});
