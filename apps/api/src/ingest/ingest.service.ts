import {
  DEFAULT_DEDUPE_WINDOW_SECONDS,
  DEFAULT_RESPONSE_TIMEOUT_MS,
  evaluateExpression,
  isTruthy,
  type TriggerData,
} from '@switchyard/engine';
import type { RequestVerdict } from '../database/entities/inbound-request.entity';
import { newId } from '../common/ids';
import type { Logger } from '../common/logger';
import { decodeContentEncoding } from '../inbound/content-encoding';
import { traceIdOf } from '../observability/traceparent';
import { toDedupeKey } from './dedupe-key';
import type { FlowController } from './flow-control';
import type { DedupeClaim, GroupCommitWriter } from './group-commit-writer';
import { answerGetChallenge, answerSignedHandshake, answerUnsignedHandshake } from './handshake';
import { InvalidBodyError, parseBody, parseBodyLenient } from '../inbound/parse-body';
import { RateLimiter } from './rate-limiter';
import { responseHeaders, type ResponseWaiter } from './response-waiter';
import type { TriggerCache, TriggerInfo } from './trigger-cache';
import { VERIFIERS } from './verification/verifiers';
import type { VerifyInput } from './verification/verification.types';

/** One request as the edge received it. */
export interface InboundHttpRequest {
  token: string;
  method: string;
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, unknown>;
  body: Buffer | null;
  /** The size announced or read, for requests whose body was not kept. */
  size?: number;
  /** The caller's address (the proxy's unless SWITCHYARD_TRUST_PROXY is set). */
  ip?: string;
  /** The public URL the sender called, with its query string as sent (for schemes that sign it). */
  url?: string;
  /** W3C traceparent of the ingest span (tracing on): stored with the run, whose executions continue the trace. */
  traceParent?: string;
}

export interface IngestAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** For metrics and logs: the stored verdict, or `unknown_trigger` / `unavailable` for requests not stored. */
  verdict?: RequestVerdict | 'unknown_trigger' | 'unavailable';
  /** For metrics and logs: the workflow whose trigger URL was called. */
  workflowId?: string;
}

/** Time budget of a trigger condition or dedupe key expression on the ingest path. */
const EDGE_EXPRESSION_TIMEOUT_MS = 100;

const errorBody = (code: string, message: string, details: Array<{ path: string; message: string }> = []) => ({
  error: { code, message, details },
});

/** One decision of the pipeline: what to store and what to answer. */
interface Verdict {
  verdict: RequestVerdict;
  status: number;
  reason: string | null;
  body: unknown;
  headers?: Record<string, string>;
}

const reject = (
  verdict: RequestVerdict,
  status: number,
  code: string,
  reason: string,
  headers?: Record<string, string>,
  publicMessage?: string,
): Verdict => ({
  verdict,
  status,
  reason,
  body: errorBody(code, publicMessage ?? reason),
  headers,
});

/**
 * The webhook edge: finds the trigger, checks address, method, size, rate, signature, handshakes,
 * condition and dedupe key on the raw bytes, and stores the request with its verdict (and its
 * queued run when it should run) before answering. Requests to unknown tokens are not stored:
 * they belong to no workspace.
 */
export class IngestService {
  private readonly limiter = new RateLimiter();

  constructor(
    private readonly triggers: TriggerCache,
    private readonly writer: GroupCommitWriter,
    private readonly logger: Logger,
    private readonly maxBodyBytes: number,
    private readonly responses: ResponseWaiter | null = null,
    private readonly now: () => number = Date.now,
    private readonly flow: FlowController | null = null,
  ) {}

  async receive(req: InboundHttpRequest): Promise<IngestAnswer> {
    const receivedAt = new Date(this.now());
    let trigger: TriggerInfo | null;
    try {
      trigger = await this.triggers.get(req.token);
    } catch (err) {
      return { ...this.unavailable(err), verdict: 'unavailable' };
    }
    if (!trigger) return { status: 404, body: errorBody('unknown_trigger', 'No workflow listens at this URL'), verdict: 'unknown_trigger' };

    let decided: { verdict: Verdict; dedupe: DedupeClaim | null; searchable?: unknown; flowKey?: string };
    try {
      decided = await this.decide(trigger, req, receivedAt);
    } catch (err) {
      // Never let a failing check through a signature gate; without one, keep the request and run it.
      this.logger.error(
        { err, workflowId: trigger.workflowId, traceId: traceIdOf(req.traceParent) ?? undefined },
        'the ingest pipeline failed unexpectedly',
      );
      const reason = `The checks failed unexpectedly: ${(err as Error).message}`;
      decided = {
        verdict: trigger.trigger.verify
          ? reject('bad_signature', 401, 'unauthorized', reason, undefined, 'The request could not be verified')
          : { verdict: 'accepted', status: 202, reason, body: null },
        dedupe: null,
      };
    }
    const { verdict, dedupe } = decided;
    if (verdict.verdict === 'accepted' && trigger.trigger.flowControl && this.flow)
      return this.admitFlow(trigger, req, receivedAt, verdict, decided.searchable, decided.flowKey ?? '');

    try {
      const requestId = newId();
      const runId = verdict.verdict === 'accepted' ? newId() : null;
      const outcome = await this.writer.write(
        {
          id: requestId,
          workspaceId: trigger.workspaceId,
          workflowId: trigger.workflowId,
          method: req.method,
          query: req.query,
          headers: cleanHeaders(req.headers),
          contentType: headerValue(req.headers['content-type']),
          body: req.body,
          size: req.body?.length ?? req.size ?? 0,
          receivedAt,
          verdict: verdict.verdict,
          reason: verdict.reason,
          statusCode: verdict.status,
          bodyJson: runId ? searchableJson(decided.searchable) : null,
        },
        runId
          ? {
              id: runId,
              workspaceId: trigger.workspaceId,
              workflowId: trigger.workflowId,
              versionId: trigger.versionId,
              requestId,
              createdAt: receivedAt,
              traceParent: req.traceParent ?? null,
            }
          : null,
        dedupe,
      );
      const about = { workflowId: trigger.workflowId };
      if (outcome.duplicateOf)
        return { status: 200, body: { runId: outcome.duplicateOf, duplicate: true }, verdict: 'duplicate', ...about };
      if (runId && trigger.trigger.response?.mode === 'wait' && this.responses)
        return { ...(await this.waitForResponse(trigger, requestId, runId)), verdict: 'accepted', ...about };
      if (runId) return { status: 202, body: { runId }, verdict: 'accepted', ...about };
      return { status: verdict.status, body: verdict.body, headers: verdict.headers, verdict: verdict.verdict, ...about };
    } catch (err) {
      return { ...this.unavailable(err), verdict: 'unavailable', workflowId: trigger.workflowId };
    }
  }

  /** The pipeline, in order; the first check that fails decides. */
  private async decide(
    trigger: TriggerInfo,
    req: InboundHttpRequest,
    receivedAt: Date,
  ): Promise<{ verdict: Verdict; dedupe: DedupeClaim | null; searchable?: unknown; flowKey?: string }> {
    const done = (verdict: Verdict) => ({ verdict, dedupe: null });
    const t = trigger.trigger;
    const limit = Math.min(t.maxBodyBytes ?? this.maxBodyBytes, this.maxBodyBytes);

    if (req.size !== undefined && req.body === null) {
      return done(reject('too_large', 413, 'payload_too_large', `The body is larger than the limit of ${this.maxBodyBytes} bytes`));
    }
    if (trigger.ipAllow && !trigger.ipAllow(req.ip ?? '')) {
      return done(
        reject(
          'ip_denied',
          403,
          'forbidden',
          `The address ${req.ip ?? '(unknown)'} is not in the trigger's IP allow-list`,
          undefined,
          'This address may not call this trigger',
        ),
      );
    }
    if (!trigger.methods.includes(req.method)) {
      const reason = `This trigger accepts ${trigger.methods.join(', ')}, not ${req.method}`;
      return done(reject('method_not_allowed', 405, 'method_not_allowed', reason, { allow: trigger.methods.join(', ') }));
    }
    if (req.body && req.body.length > limit) {
      return done(
        reject(
          'too_large',
          413,
          'payload_too_large',
          `The body (${req.body.length} bytes) is larger than the trigger's limit of ${limit} bytes`,
        ),
      );
    }

    const decoded = decodeContentEncoding(req.body ?? Buffer.alloc(0), headerValue(req.headers['content-encoding']) ?? undefined, limit);
    if (!decoded.ok)
      return done(
        reject(
          decoded.status === 413 ? 'too_large' : 'invalid_body',
          decoded.status,
          decoded.status === 413 ? 'payload_too_large' : 'invalid_body',
          decoded.reason,
        ),
      );
    const rawBody = decoded.body;
    const contentType = headerValue(req.headers['content-type']);
    const lenient = () => parseBodyLenient(rawBody, contentType).value;

    const challenge = answerGetChallenge({ method: req.method, query: req.query, verify: t.verify, secrets: trigger.secrets });
    if (challenge)
      return done({
        verdict: 'handshake',
        status: challenge.status,
        reason: challenge.reason,
        body: challenge.body,
        headers: challenge.headers,
      });
    const unsigned = answerUnsignedHandshake({ scheme: t.verify?.scheme, body: t.verify?.scheme === 'slack' ? lenient() : null });
    if (unsigned) return done({ verdict: 'handshake', status: unsigned.status, reason: unsigned.reason, body: unsigned.body });

    let deliveryId: string | undefined;
    if (t.verify) {
      if (trigger.secretsError)
        return done(reject('bad_signature', 401, 'unauthorized', trigger.secretsError, undefined, 'The request could not be verified'));
      const { secrets: _s, secretHints: _h, ...settings } = t.verify;
      const input: VerifyInput<never> = {
        rawBody,
        headers: req.headers,
        method: req.method,
        url: req.url ?? '',
        query: req.query,
        secrets: trigger.secrets,
        now: receivedAt.getTime(),
        settings: settings as never,
      };
      const result = VERIFIERS[t.verify.scheme](input);
      if (!result.ok)
        return done(
          reject(
            'bad_signature',
            401,
            'unauthorized',
            `Signature check (${t.verify.scheme}) failed: ${result.reason}`,
            undefined,
            'The request could not be verified',
          ),
        );
      deliveryId = result.deliveryId;
      const handshake = answerSignedHandshake({ scheme: t.verify.scheme, headers: req.headers, body: lenient(), secrets: trigger.secrets });
      if (handshake) return done({ verdict: 'handshake', status: handshake.status, reason: handshake.reason, body: handshake.body });
    }

    // After the signature check, so that forged requests cannot use up a sender's budget.
    if (t.rateLimit) {
      const wait = this.limiter.take(trigger.workflowId, t.rateLimit.perMinute, receivedAt.getTime());
      if (wait > 0) {
        const reason = `Over the trigger's rate limit of ${t.rateLimit.perMinute} requests per minute`;
        return done(reject('rate_limited', 429, 'rate_limited', reason, { 'retry-after': String(wait) }));
      }
    }
    if (!trigger.active)
      return done(reject('paused', 409, 'workflow_paused', 'The workflow is switched off; the request was recorded but not run'));

    let body: unknown;
    try {
      body = parseBody(rawBody, contentType).value;
    } catch (err) {
      if (!(err instanceof InvalidBodyError)) throw err;
      return done({
        verdict: 'invalid_body',
        status: 400,
        reason: err.message,
        body: errorBody('invalid_body', err.message, [{ path: 'body', message: err.message }]),
      });
    }

    const document =
      t.condition || t.dedupe?.key || t.flowControl?.key ? { trigger: this.triggerData(req, body, receivedAt), steps: {} } : null;
    if (t.condition) {
      try {
        const value = await evaluateExpression(t.condition, document, {
          now: receivedAt.getTime(),
          limits: { timeoutMs: EDGE_EXPRESSION_TIMEOUT_MS },
        });
        if (!isTruthy(value))
          return done({
            verdict: 'filtered',
            status: 200,
            reason: 'The trigger condition is false; no run was started',
            body: { filtered: true },
          });
      } catch (err) {
        return done({
          verdict: 'filtered',
          status: 200,
          reason: `The trigger condition failed, so no run was started: ${(err as Error).message}`,
          body: { filtered: true },
        });
      }
    }

    let dedupe: DedupeClaim | null = null;
    let note: string | null = null;
    if (t.dedupe) {
      let key: string | null = null;
      if (t.dedupe.key) {
        try {
          key = toDedupeKey(
            await evaluateExpression(t.dedupe.key, document, {
              now: receivedAt.getTime(),
              limits: { timeoutMs: EDGE_EXPRESSION_TIMEOUT_MS },
            }),
          );
        } catch (err) {
          note = `The dedupe key expression failed (${(err as Error).message}); the request was not deduplicated`;
        }
      } else key = toDedupeKey(deliveryId);
      if (key !== null) dedupe = { key, windowSeconds: t.dedupe.windowSeconds ?? DEFAULT_DEDUPE_WINDOW_SECONDS };
      else note ??= 'The request has no delivery id or dedupe key; it was not deduplicated';
    }
    let flowKey: string | undefined;
    if (t.flowControl?.key) {
      try {
        flowKey =
          toDedupeKey(
            await evaluateExpression(t.flowControl.key, document, {
              now: receivedAt.getTime(),
              limits: { timeoutMs: EDGE_EXPRESSION_TIMEOUT_MS },
            }),
          ) ?? '';
      } catch (err) {
        flowKey = '';
        note ??= `The flow control key expression failed (${(err as Error).message}); the event went to the bucket without a key`;
      }
    }
    return { verdict: { verdict: 'accepted', status: 202, reason: note, body: null }, dedupe, searchable: body, flowKey };
  }

  /** A workflow with flow control: the event is throttled (a run, maybe delayed) or held for its key's debounce or batch. */
  private async admitFlow(
    trigger: TriggerInfo,
    req: InboundHttpRequest,
    receivedAt: Date,
    verdict: Verdict,
    body: unknown,
    key: string,
  ): Promise<IngestAnswer> {
    const about = { workflowId: trigger.workflowId };
    try {
      const admission = await this.flow!.admit({
        request: {
          id: newId(),
          workspaceId: trigger.workspaceId,
          workflowId: trigger.workflowId,
          method: req.method,
          query: req.query,
          headers: cleanHeaders(req.headers),
          contentType: headerValue(req.headers['content-type']),
          body: req.body,
          size: req.body?.length ?? req.size ?? 0,
          receivedAt,
          verdict: 'accepted',
          reason: verdict.reason,
          statusCode: 202,
          bodyJson: searchableJson(body),
        },
        versionId: trigger.versionId,
        rule: trigger.trigger.flowControl!,
        key,
        body,
        traceParent: req.traceParent ?? null,
      });
      if (admission.kind === 'run')
        return { status: 202, body: { runId: admission.runId, startsAt: admission.startsAt.toISOString() }, verdict: 'accepted', ...about };
      return {
        status: 202,
        body: { held: true, mode: trigger.trigger.flowControl!.mode, dueAt: admission.dueAt.toISOString() },
        verdict: 'held',
        ...about,
      };
    } catch (err) {
      return { ...this.unavailable(err), verdict: 'unavailable', ...about };
    }
  }

  /**
   * Wait mode: answers with the run's first `respond` step, or 202 `{ runId }` when the timeout
   * passes or the run ends without one; the request row is updated with what was answered.
   */
  private async waitForResponse(trigger: TriggerInfo, requestId: string, runId: string): Promise<IngestAnswer> {
    const timeoutMs = trigger.trigger.response?.timeoutMs ?? DEFAULT_RESPONSE_TIMEOUT_MS;
    const result = await (this.responses as ResponseWaiter).wait(runId, timeoutMs);
    let answer: IngestAnswer;
    let reason: string;
    if (result.kind === 'response') {
      const { status, headers, body } = result.response;
      answer = {
        status,
        headers: responseHeaders(headers),
        body: body === null || body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body),
      };
      reason = `Answered ${status} by the workflow's respond step`;
    } else if (result.kind === 'finished') {
      answer = { status: 202, body: { runId, status: result.status } };
      reason = `The run ended ${result.status} without a respond step; answered 202`;
    } else {
      answer = { status: 202, body: { runId } };
      reason = `No respond step within ${timeoutMs} ms; answered 202`;
    }
    await this.writer
      .recordAnswer(requestId, answer.status, reason)
      .catch((err) => this.logger.warn({ err, requestId }, 'could not record the answer of a wait-mode request'));
    return answer;
  }

  private triggerData(req: InboundHttpRequest, body: unknown, receivedAt: Date): TriggerData {
    return {
      body,
      headers: cleanHeaders(req.headers),
      query: req.query as TriggerData['query'],
      method: req.method,
      receivedAt: receivedAt.toISOString(),
    };
  }

  private unavailable(err: unknown): IngestAnswer {
    this.logger.error({ err }, 'could not store an inbound request');
    return {
      status: 503,
      body: errorBody('unavailable', 'The request could not be stored; try again shortly'),
      headers: { 'retry-after': '5' },
    };
  }
}

/** Largest parsed body kept as jsonb for searching runs by payload field. */
const SEARCHABLE_BODY_CHARS = 256 * 1024;

/** The parsed body as JSON text for the search index, or null (not an object, too large, or holding NUL which jsonb refuses). */
function searchableJson(body: unknown): string | null {
  if (body === null || typeof body !== 'object') return null;
  const text = JSON.stringify(body);
  return text.length <= SEARCHABLE_BODY_CHARS && !text.includes('\\u0000') ? text : null;
}

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

function cleanHeaders(headers: InboundHttpRequest['headers']): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name] = value;
  return out;
}
