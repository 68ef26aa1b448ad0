/** Types of the HTTP contract v1 (docs: /work/shared/DESIGN.md, "Contract that clients and tests rely on"). */

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'filtered' | 'waiting' | 'cancelled';
export type StepStatus = 'succeeded' | 'failed' | 'pending' | 'skipped' | 'running';

export const RUN_STATUSES: readonly RunStatus[] = ['queued', 'running', 'succeeded', 'failed', 'filtered', 'waiting', 'cancelled'];

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
  /** Optional summary fields; the list computes them from the runs endpoint when absent. */
  lastRun?: { id: string; status: RunStatus; createdAt: string } | null;
  runs24h?: number;
}

export interface StepDefinition {
  id: string;
  type: string;
  name?: string;
  [field: string]: unknown;
}

/** Failed runs replayed on a schedule (`30s`, `10m`, `1h`, `1d`), then dead-lettered. */
export interface AutoReplaySettings {
  enabled: boolean;
  schedule: string[];
}

/** Who hears about dead letters: a JSON POST, at most once per interval per workflow. */
export interface AlertSettings {
  webhookUrl?: string;
  /** Addresses e-mailed through the server's SMTP relay (SWITCHYARD_SMTP_URL). */
  email?: string[];
  minIntervalMinutes: number;
}

export interface Workflow extends WorkflowSummary {
  steps: StepDefinition[];
  /** Most runs executing at once; null = no limit. */
  concurrency?: number | null;
  autoReplay?: AutoReplaySettings;
  alerts?: AlertSettings | null;
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
  /** Id of the run this one replays, when it is a replay. */
  replayOf?: string | null;
  /** A failed run whose auto-replay schedule is used up. */
  deadLetter?: boolean;
  deadLetteredAt?: string | null;
  /** When this failed run will be replayed automatically, if it will. */
  autoReplayAt?: string | null;
  /** 0 for a run started by a request or by hand; n for the n-th automatic replay. */
  autoReplayAttempt?: number;
  /** One line about the request that started the run (lists only). */
  triggerSummary?: { method: string; contentType: string | null; size: number; preview: string | null } | null;
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
  /** True when the body is over the inline cap (1 MiB): `body` is null, `bodyUrl` has the bytes. */
  bodyTruncated?: boolean;
  /** The raw body exactly as received, served as an attachment. */
  bodyUrl?: string;
}

export interface StepRun {
  id: string;
  type: string;
  name?: string;
  status: StepStatus;
  input?: unknown;
  output?: unknown;
  error?: unknown;
  /** 0 on a replay from the failed step: the output was reused from the replayed run, not executed again. */
  attempts?: number;
  /** True when the output is over the inline cap: `output` is null, fetch it with getStepOutput. */
  outputTruncated?: boolean;
  /** Absent for steps that have not run (pending or skipped). */
  startedAt?: string | null;
  finishedAt?: string | null;
  durationMs?: number | null;
  /** Journal key: `route.0.notify` in a branch path, `each[3].post` in a loop item; the id at the top level. */
  key?: string;
  /** Branch: its paths (and otherwise) with their steps and whether each ran. */
  paths?: StepRunPath[];
  /** Loop: the items in the run detail (the first 100, then failed ones); more through getLoopItems. */
  items?: StepRunItem[];
  /** Loop: how many items it has (or has reached). */
  itemCount?: number;
}

export interface StepRunPath {
  index: number | 'otherwise';
  name: string;
  taken: boolean;
  steps: StepRun[];
}

export interface StepRunItem {
  index: number;
  status: StepStatus;
  steps: StepRun[];
}

export interface LoopItemsPage {
  key: string;
  itemCount: number;
  offset: number;
  limit: number;
  items: StepRunItem[];
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

export type UpdateWorkflowRequest = CreateWorkflowRequest;

export type PatchWorkflowRequest = Partial<CreateWorkflowRequest> & {
  concurrency?: number | null;
  autoReplay?: AutoReplaySettings | null;
  alerts?: AlertSettings | null;
};

/** The document expressions see as `trigger`, captured from a real request. */
export interface TriggerSample {
  body: unknown;
  headers: Record<string, string | string[]>;
  query: Record<string, unknown>;
  method: string;
  receivedAt: string;
}

export type RequestVerdict = string;

/** An inbound request recorded at a workflow's trigger URL, run or not. */
export interface InboundRequestSummary {
  id: string;
  method: string;
  contentType: string | null;
  size: number | null;
  receivedAt: string;
  verdict: RequestVerdict;
  reason: string | null;
  statusCode: number | null;
  runId: string | null;
  bodyEncoding?: 'base64';
  trigger: TriggerSample;
}

export type TestStatus = 'succeeded' | 'failed' | 'filtered';

export interface TestStepResponse {
  status: TestStatus;
  output?: unknown;
  input?: unknown;
  error?: unknown;
  durationMs?: number;
}

export interface TestWorkflowStepResult extends Omit<TestStepResponse, 'status'> {
  id: string;
  type: string;
  status: TestStatus | 'skipped' | 'pending';
}

export interface TestWorkflowResponse {
  status: string;
  error?: unknown;
  steps: TestWorkflowStepResult[];
}

/** `event: request` on `/api/workflows/:id/events`. */
export interface RequestEvent {
  id: string;
  workflowId: string;
  verdict: string;
  statusCode: number | null;
  receivedAt: string;
  runId: string | null;
}

/** `event: run` on `/api/workflows/:id/events`. */
export interface RunEvent {
  id: string;
  workflowId: string;
  status: RunStatus;
}

export interface RunCreatedResponse {
  runId: string;
}

/** Where a replay starts and which version of the workflow it runs. */
export interface ReplayOptions {
  from: 'start' | 'failed-step';
  version: 'current' | 'original';
}

/** Filters of the run lists; `since`/`until` are ISO times, `q` a payload search (`body.a = "x"`). */
export interface RunFilters {
  workflowId?: string;
  status?: RunStatus;
  since?: string;
  until?: string;
  q?: string;
  /** true: dead letters only. */
  deadLetter?: boolean;
}

export interface BulkReplayResponse {
  count: number;
  runIds: string[];
}

export interface ErrorDetail {
  path: string;
  message: string;
  /** For expression errors: 0-based offset just after the offending token. */
  position?: number;
  token?: string;
  code?: string;
}

export interface ErrorBody {
  error: { code: string; message: string; details?: ErrorDetail[] };
}

/** A kind of stored credential and its fields, as `GET /api/credential-types` lists them. */
export interface CredentialFieldDescriptor {
  name: string;
  label: string;
  secret: boolean;
  required: boolean;
  help?: string;
  placeholder?: string;
}

export interface CredentialTypeDescriptor {
  type: string;
  label: string;
  help: string;
  fields: CredentialFieldDescriptor[];
}

export interface WorkflowRef {
  id: string;
  name: string;
}

/** A stored credential: public fields as they are, secret fields only as masked hints. */
export interface Credential {
  id: string;
  name: string;
  type: string;
  public: Record<string, string>;
  hints: Record<string, string>;
  usedBy: WorkflowRef[];
  createdAt: string;
  updatedAt: string;
  /** Only when creating a signing secret left empty: the generated secret, shown this once. */
  generatedSecret?: string;
}

export interface CreateCredentialRequest {
  name: string;
  type: string;
  data: Record<string, string>;
}

/** Omitted secret fields keep their value. */
export interface UpdateCredentialRequest {
  name?: string;
  data?: Record<string, string>;
}
