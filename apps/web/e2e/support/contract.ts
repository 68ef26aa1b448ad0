// The HTTP contract as the web app types it: the browser tests read the API with the same types as
// the UI, so a change of the contract that the UI follows fails here too. One import to move when
// the contract lives in its own package.
export type {
  Credential,
  ErrorBody,
  InboundRequestSummary,
  ListResponse,
  PageResponse,
  Run,
  RunSummary,
  StepDefinition,
  Workflow,
  WorkflowSummary,
} from '../../src/api/contract.types.ts';
export type { Invite } from '../../src/api/accounts.types.ts';
