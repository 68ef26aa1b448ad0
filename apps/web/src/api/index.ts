export * from './api-error';
export * from './credentials.api';
export * from './connections.api';
export * from './health.api';
export * from './http-client';
export * from './query-keys';
export * from './runs.api';
export * from './session';
export * from './workflows.api';
export * from './test.api';
export * from './versions.api';
export * from './accounts.api';

import type { StepDraft, TestStepResult, TestWorkflowResult, TestWorkflowStep, Workflow as ContractWorkflow } from '@switchyard/contract';

// The HTTP contract's types, inferred from the schemas the api checks its answers with.
export { RUN_STATUSES } from '@switchyard/contract';
export type {
  AlertSettings,
  ApiKey,
  AuditEntry,
  AuditPage,
  BulkReplayResult,
  Connection,
  CreateConnectionRequest,
  FieldOptionsRequest,
  StartOAuthRequest,
  CreateCredentialRequest,
  CreatedApiKey,
  CreatedInvite,
  Credential,
  CredentialTypeDescriptor,
  DefinitionDiffAnswer,
  Draft,
  Rehearsal,
  RehearsalItem,
  VersionSummary,
  WouldSendEntry,
  ErrorDetail,
  InboundRequest,
  WorkspaceRequest,
  InboundRequestPage,
  Invite,
  InvitePreview,
  LoopItemsPage,
  Member,
  ReplayOptions,
  RequestEvent,
  RequestVerdict,
  Role,
  Run,
  RunCreated,
  RunEvent,
  RunListItem,
  RunSummary,
  RunPage,
  RunStatus,
  RunTrigger,
  StepDraft,
  StepRun,
  StepRunItem,
  StepRunStatus,
  TestStepResult,
  TestWorkflowResult,
  TestWorkflowStep,
  TriggerSample,
  UpdateCredentialRequest,
  WorkflowInput,
  WorkflowList,
  WorkflowListItem,
  WorkflowPatch,
  WorkflowRef,
  WorkspaceMembership,
} from '@switchyard/contract';

// The builder's state (features/builder/state, preview) still reads steps as loosely typed drafts
// and test results without their newer fields; the step kits rework moves it to the contract's own
// types, and these go.
export type { StepDraft as StepDefinition } from '@switchyard/contract';
export type Workflow = Omit<ContractWorkflow, 'steps'> & { steps: StepDraft[] };
export type TestStepResponse = Omit<TestStepResult, 'durationMs' | 'halt'> & Partial<Pick<TestStepResult, 'durationMs' | 'halt'>>;
/** The builder also shows steps a test did not reach as skipped or pending. */
export type TestWorkflowStepResult = Omit<TestWorkflowStep, 'status'> & { status: TestStepResult['status'] | 'skipped' | 'pending' };
export type TestWorkflowResponse = TestWorkflowResult;
export * from './health-view.api';
export * from './requests.api';
export * from './settings.api';
export * from './samples.api';
export * from './sso-settings.api';
