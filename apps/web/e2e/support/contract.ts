// The HTTP contract as the api checks its answers: the browser tests read the API with the same
// types as the UI (packages/contract), so a change of the contract that the UI follows fails here too.
import type { InboundRequest, RunListItem, StepDraft, WorkflowListItem } from '@switchyard/contract';

export type { CreatedInvite, Credential, ErrorBody, Invite, Run, RunSummary, Workflow } from '@switchyard/contract';
export type InboundRequestSummary = InboundRequest;
export type WorkflowSummary = WorkflowListItem;
/** A step as stored in a definition; the tests read type-specific fields, so they stay open. */
export type StepDefinition = StepDraft & { [field: string]: unknown };
export type RunPageItem = RunListItem;
/** The `{ items }` envelope of list answers. */
export interface ListResponse<T> {
  items: T[];
}
/** The `{ items, nextCursor }` envelope of paged answers. */
export interface PageResponse<T> extends ListResponse<T> {
  nextCursor: string | null;
}
