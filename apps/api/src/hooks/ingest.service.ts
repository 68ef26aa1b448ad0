import type { RequestVerdict } from '../database/entities/inbound-request.entity';
import { newId } from '../common/ids';
import type { Logger } from '../common/logger';
import type { GroupCommitWriter } from './group-commit-writer';
import { InvalidBodyError, isJsonContentType } from './parse-body';
import type { TriggerCache } from './trigger-cache';

/** One request as the edge received it. */
export interface InboundHttpRequest {
  token: string;
  method: string;
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, unknown>;
  body: Buffer | null;
  /** The size announced or read, for requests whose body was not kept. */
  size?: number;
}

export interface IngestAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const errorBody = (code: string, message: string, details: Array<{ path: string; message: string }> = []) => ({ error: { code, message, details } });

/**
 * The webhook edge: finds the trigger, decides the verdict, and stores the request (and its queued
 * run when it should run) before answering. Requests to unknown tokens are not stored: they belong
 * to no workspace.
 */
export class IngestService {
  constructor(
    private readonly triggers: TriggerCache,
    private readonly writer: GroupCommitWriter,
    private readonly logger: Logger,
    private readonly maxBodyBytes: number,
  ) {}

  async receive(req: InboundHttpRequest): Promise<IngestAnswer> {
    const receivedAt = new Date();
    let trigger;
    try {
      trigger = await this.triggers.get(req.token);
    } catch (err) {
      return this.unavailable(err);
    }
    if (!trigger) return { status: 404, body: errorBody('unknown_trigger', 'No workflow listens at this URL') };

    const record = async (verdict: RequestVerdict, statusCode: number, reason: string | null, withRun: boolean): Promise<string | null> => {
      const requestId = newId();
      const runId = withRun ? newId() : null;
      await this.writer.write(
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
          verdict,
          reason,
          statusCode,
        },
        runId
          ? { id: runId, workspaceId: trigger.workspaceId, workflowId: trigger.workflowId, versionId: trigger.versionId, requestId, createdAt: receivedAt }
          : null,
      );
      return runId;
    };

    try {
      if (req.size !== undefined && req.body === null) {
        const reason = `The body is larger than the limit of ${this.maxBodyBytes} bytes`;
        await record('too_large', 413, reason, false);
        return { status: 413, body: errorBody('payload_too_large', reason) };
      }
      if (!trigger.methods.includes(req.method)) {
        const reason = `This trigger accepts ${trigger.methods.join(', ')}, not ${req.method}`;
        await record('method_not_allowed', 405, reason, false);
        return { status: 405, body: errorBody('method_not_allowed', reason), headers: { allow: trigger.methods.join(', ') } };
      }
      if (!trigger.active) {
        const reason = 'The workflow is switched off; the request was recorded but not run';
        await record('paused', 409, reason, false);
        return { status: 409, body: errorBody('workflow_paused', reason) };
      }
      const invalid = validateBody(req);
      if (invalid) {
        await record('invalid_body', 400, invalid, false);
        return { status: 400, body: errorBody('invalid_body', invalid, [{ path: 'body', message: invalid }]) };
      }
      const runId = await record('accepted', 202, null, true);
      return { status: 202, body: { runId } };
    } catch (err) {
      return this.unavailable(err);
    }
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

function validateBody(req: InboundHttpRequest): string | null {
  const contentType = headerValue(req.headers['content-type']);
  if (!req.body || req.body.length === 0 || !isJsonContentType(contentType)) return null;
  try {
    JSON.parse(req.body.toString('utf8'));
    return null;
  } catch (err) {
    return new InvalidBodyError(`The body is not valid JSON: ${(err as Error).message}`).message;
  }
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
