import { z } from 'zod';
import { cursorSchema, pageOf, timestampSchema } from '../common/page.schema';
import { REQUEST_VERDICTS } from './verdicts';

export const requestVerdictSchema = z.enum(REQUEST_VERDICTS);

/** `GET /api/workflows/:id/requests?verdict=&limit=&cursor=`. */
export const listRequestsQuerySchema = z.strictObject({
  verdict: z.enum(REQUEST_VERDICTS).optional(),
  limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(20),
  cursor: cursorSchema,
});
export type RequestListQuery = z.input<typeof listRequestsQuerySchema>;

const headersSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

/** The document expressions see as `trigger`, captured from a real request (or typed in the builder). */
export const triggerSampleSchema = z.strictObject({
  body: z.unknown(),
  headers: headersSchema,
  query: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  method: z.string(),
  receivedAt: timestampSchema,
});
export type TriggerSample = z.infer<typeof triggerSampleSchema>;

/** An inbound request recorded at a workflow's trigger URL, run or not. */
export const inboundRequestSchema = z.strictObject({
  id: z.string(),
  method: z.string(),
  contentType: z.string().nullable(),
  size: z.number().int(),
  receivedAt: timestampSchema,
  verdict: requestVerdictSchema,
  /** Why it was refused, in words (null when accepted). */
  reason: z.string().nullable(),
  /** The status Switchyard answered the sender with. */
  statusCode: z.number().int(),
  /** The run it started (not its replays), if any; for a `debounced` or `batched` request, the run that handled it. */
  runId: z.string().nullable(),
  bodyEncoding: z.literal('base64').optional(),
  trigger: triggerSampleSchema,
});
export type InboundRequest = z.infer<typeof inboundRequestSchema>;

/** `GET /api/workflows/:id/requests`: newest first. */
export const inboundRequestPageSchema = pageOf(inboundRequestSchema);
export type InboundRequestPage = z.infer<typeof inboundRequestPageSchema>;

/** Verdicts that refused a request: it started no run and the sender got an error status. */
export const REFUSED_VERDICTS = [
  'method_not_allowed',
  'too_large',
  'invalid_body',
  'paused',
  'bad_signature',
  'ip_denied',
  'rate_limited',
] as const;

/** `GET /api/requests?workflowId=&verdict=&refused=&limit=&cursor=`: requests of every workflow. */
export const listAllRequestsQuerySchema = listRequestsQuerySchema.extend({
  workflowId: z.string().uuid('must be a workflow id').optional(),
  /** `true`: only refused requests (see REFUSED_VERDICTS). */
  refused: z.enum(['true', 'false'], { message: 'must be true or false' }).optional(),
});
export type AllRequestsQuery = z.input<typeof listAllRequestsQuerySchema>;

/** A request in the list across workflows: with its workflow. */
export const workspaceRequestSchema = inboundRequestSchema.extend({ workflowId: z.string() });
export type WorkspaceRequest = z.infer<typeof workspaceRequestSchema>;
export const workspaceRequestPageSchema = pageOf(workspaceRequestSchema);
export type WorkspaceRequestPage = z.infer<typeof workspaceRequestPageSchema>;

/** `GET /api/workflows/:id/requests/refused`: how many requests were refused in the last 24 hours. */
export const refusedCountSchema = z.strictObject({ count: z.number().int().min(0), since: timestampSchema });
export type RefusedCount = z.infer<typeof refusedCountSchema>;
