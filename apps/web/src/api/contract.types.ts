/** Types of the HTTP contract v1 (docs: /work/shared/DESIGN.md, "Contract that clients and tests rely on"). */

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'filtered' | 'waiting' | 'cancelled';
export type StepStatus = 'succeeded' | 'failed' | 'pending' | 'skipped';

export const RUN_STATUSES: readonly RunStatus[] = [
  'queued', 'running', 'succeeded', 'failed', 'filtered', 'waiting', 'cancelled',
];

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface WebhookTrigger {
  type: 'webhook';
  url: string;
  token: string;
  [setting: string]: unknown;
}

export interface WorkflowSummary {
  id: string;
  name: string;
  active: boolean;
  trigger: WebhookTrigger;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface StepDefinition {
  id: string;
  type: string;
  name?: string;
  [field: string]: unknown;
}

export interface Workflow extends WorkflowSummary {
  steps: StepDefinition[];
  definition?: unknown;
}

export interface RunSummary {
  id: string;
  workflowId: string;
  status: RunStatus;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  error: unknown;
}

export interface TriggerRequest {
  method: string;
  headers: Record<string, string | string[]>;
  query: Record<string, unknown>;
  body: unknown;
  contentType: string | null;
  receivedAt: string;
  size: number | null;
  /** Set to `base64` when the body was not text and is sent encoded. */
  bodyEncoding?: 'base64';
  requestId?: string;
}

export interface StepRun {
  id: string;
  type: string;
  name?: string;
  status: StepStatus;
  input?: unknown;
  output?: unknown;
  error?: unknown;
  attempts?: number;
  /** Absent for steps that have not run (pending or skipped). */
  startedAt?: string | null;
  finishedAt?: string | null;
  durationMs?: number | null;
}

export interface Run extends RunSummary {
  versionId?: string;
  /** Workflow version number the run executed. */
  version?: number;
  /** Id of the run this one replays, when it is a replay. */
  replayOf?: string | null;
  trigger: TriggerRequest | null;
  steps: StepRun[];
}

export interface ListResponse<T> {
  items: T[];
}

export interface PageResponse<T> extends ListResponse<T> {
  nextCursor: string | null;
}

export interface CreateWorkflowRequest {
  name: string;
  trigger: { type: 'webhook'; [setting: string]: unknown };
  steps: StepDefinition[];
  active?: boolean;
}

export interface RunCreatedResponse {
  runId: string;
}

export interface ErrorDetail {
  path: string;
  message: string;
}

export interface ErrorBody {
  error: { code: string; message: string; details?: ErrorDetail[] };
}
