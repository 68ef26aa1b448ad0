import { type Context, ROOT_CONTEXT, type Span, SpanKind, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import type { EnginePorts, HttpRequest } from '@switchyard/engine';
import type { Role } from '../config/config.schema';
import type { RunObserver } from './run-observer';

type Carrier = Record<string, string | string[] | undefined>;

const getter = {
  keys: (carrier: Carrier) => Object.keys(carrier),
  get: (carrier: Carrier, key: string) => carrier[key.toLowerCase()],
};
const setter = {
  set: (carrier: Record<string, string>, key: string, value: string) => {
    carrier[key] = value;
  },
};

export interface TracingOptions {
  /** Where spans go: the OTLP/HTTP traces URL (`<OTEL_EXPORTER_OTLP_ENDPOINT>/v1/traces`). */
  tracesUrl: string;
  serviceName: string;
  role: Role;
  /** How long spans wait in the batch before export (OTEL_BSP_SCHEDULE_DELAY). */
  scheduleDelayMs: number;
  headers?: Record<string, string>;
}

/** One ingest request's span: its traceparent is stored with the run, and it ends with the answer. */
export interface IngestSpan {
  traceParent: string;
  end(answer: { status: number; verdict?: string; workflowId?: string }): void;
}

/**
 * OpenTelemetry traces, exported over OTLP/HTTP (JSON). Built only when an OTLP endpoint is set:
 * otherwise there is no Tracing at all and nothing on the hot paths changes. Contexts are passed
 * explicitly (no global provider, no async-hooks context manager): the ingest span's traceparent is
 * stored with the queued run, each execution of the run is a span under it, each step a span under
 * that, and outbound calls of http steps are client spans whose context goes out as `traceparent`.
 */
export class Tracing {
  private readonly provider: TracerProvider;
  private readonly tracer: Tracer;
  private readonly propagator = new W3CTraceContextPropagator();

  constructor(options: TracingOptions) {
    this.provider = new TracerProvider({
      resource: resourceFromAttributes({ 'service.name': options.serviceName, 'switchyard.role': options.role }),
      spanProcessors: [
        new BatchSpanProcessor({
          exporter: new OTLPTraceExporter({ url: options.tracesUrl, headers: options.headers }),
          scheduledDelayMillis: options.scheduleDelayMs,
        }),
      ],
    });
    this.tracer = this.provider.getTracer('switchyard');
  }

  /** Starts the span of a webhook request, the child of the sender's traceparent when it sent one. */
  startIngest(method: string, headers: Carrier): IngestSpan {
    const parent = this.propagator.extract(ROOT_CONTEXT, headers, getter);
    const span = this.tracer.startSpan(
      `${method} /hooks/:token`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': method, 'http.route': '/hooks/:token' } },
      parent,
    );
    return {
      traceParent: this.serialize(trace.setSpan(parent, span)),
      end: (answer) => {
        span.setAttribute('http.response.status_code', answer.status);
        if (answer.verdict) span.setAttribute('switchyard.verdict', answer.verdict);
        if (answer.workflowId) span.setAttribute('switchyard.workflow_id', answer.workflowId);
        if (answer.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      },
    };
  }

  /** One span per execution of a run, under the ingest request's span; one per step and outbound call under it. */
  runObserver(): RunObserver {
    return (run) => {
      const parent = run.traceParent ? this.propagator.extract(ROOT_CONTEXT, { traceparent: run.traceParent }, getter) : ROOT_CONTEXT;
      const span = this.tracer.startSpan(
        'run',
        {
          kind: SpanKind.CONSUMER,
          attributes: {
            'switchyard.run_id': run.id,
            'switchyard.workflow_id': run.workflowId,
            'switchyard.request_id': run.requestId,
            'switchyard.claims': run.claims,
            ...(run.replayOf ? { 'switchyard.replay_of': run.replayOf } : {}),
          },
        },
        parent,
      );
      const context = trace.setSpan(parent, span);
      return {
        ports: (ports) => this.tracedPorts(ports, context),
        stepFinished: (result) => {
          const step = this.tracer.startSpan(
            `step ${result.type}`,
            {
              startTime: result.startedAt,
              attributes: {
                'switchyard.step.id': result.stepId,
                'switchyard.step.type': result.type,
                'switchyard.step.status': result.status,
                'switchyard.step.attempts': result.attempts,
              },
            },
            context,
          );
          if (result.status === 'failed')
            step.setStatus({
              code: SpanStatusCode.ERROR,
              message: `${result.error?.code ?? 'failed'}: ${result.error?.message ?? ''}`.trim(),
            });
          step.end(Math.max(result.finishedAt, result.startedAt));
        },
        finished: (end) => {
          span.setAttribute('switchyard.run.status', end.status);
          if (end.status === 'failed') span.setStatus({ code: SpanStatusCode.ERROR });
          span.end();
        },
        abandoned: (err) => {
          endWithError(span, err);
        },
      };
    };
  }

  /** Waits for every span to be exported, then stops exporting (at shutdown). */
  async shutdown(): Promise<void> {
    await this.provider.shutdown();
  }

  async flush(): Promise<void> {
    await this.provider.forceFlush();
  }

  private serialize(context: Context): string {
    const carrier: Record<string, string> = {};
    this.propagator.inject(context, carrier, setter);
    return carrier.traceparent;
  }

  private tracedPorts(ports: EnginePorts, context: Context): EnginePorts {
    const http = ports.http;
    return {
      ...ports,
      http: {
        send: async (req: HttpRequest) => {
          let host = '';
          try {
            host = new URL(req.url).host;
          } catch {
            // an invalid URL is refused by the invoker; the span just has no host
          }
          // The host only: a URL's path and query may carry secrets.
          const span = this.tracer.startSpan(
            `HTTP ${req.method}`,
            { kind: SpanKind.CLIENT, attributes: { 'http.request.method': req.method, 'server.address': host } },
            context,
          );
          const headers: Record<string, string> = { ...req.headers };
          for (const name of Object.keys(headers))
            if (name.toLowerCase() === 'traceparent' || name.toLowerCase() === 'tracestate') delete headers[name];
          this.propagator.inject(trace.setSpan(context, span), headers, setter);
          try {
            const res = await http.send({ ...req, headers });
            span.setAttribute('http.response.status_code', res.status);
            if (res.status >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
            span.end();
            return res;
          } catch (err) {
            endWithError(span, err);
            throw err;
          }
        },
      },
    };
  }
}

function endWithError(span: Span, err: unknown): void {
  span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message : String(err) });
  span.end();
}

/** The OTLP/HTTP traces URL from the standard variables: the traces endpoint as is, or the base endpoint + /v1/traces. */
export function otlpTracesUrl(env: { OTEL_EXPORTER_OTLP_ENDPOINT?: string; OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string }): string | null {
  if (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT) return `${env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces`;
  return null;
}
