import { RunWaitEntity } from './run-wait.entity';
import { ApiKeyEntity } from './api-key.entity';
import { AuditEventEntity } from './audit-event.entity';
import { CredentialEntity } from './credential.entity';
import { InboundRequestEntity } from './inbound-request.entity';
import { InviteEntity } from './invite.entity';
import { LoginAttemptEntity } from './login-attempt.entity';
import { RunEntity } from './run.entity';
import { SessionEntity } from './session.entity';
import { StepRunEntity } from './step-run.entity';
import { TriggerDedupeKeyEntity } from './trigger-dedupe-key.entity';
import { TriggerSecretEntity } from './trigger-secret.entity';
import { UserEntity } from './user.entity';
import { RehearsalEntity } from './rehearsal.entity';
import { WorkflowDraftEntity } from './workflow-draft.entity';
import { WorkflowAlertStateEntity } from './workflow-alert-state.entity';
import { WorkflowVersionEntity } from './workflow-version.entity';
import { WorkflowEntity } from './workflow.entity';
import { WorkspaceMemberEntity } from './workspace-member.entity';
import { WorkspaceEntity } from './workspace.entity';

export const ENTITIES: Array<new () => object> = [
  WorkspaceEntity,
  WorkflowEntity,
  WorkflowVersionEntity,
  InboundRequestEntity,
  RunEntity,
  StepRunEntity,
  TriggerSecretEntity,
  TriggerDedupeKeyEntity,
  CredentialEntity,
];
// Accounts (issue 8)
ENTITIES.push(UserEntity, WorkspaceMemberEntity, SessionEntity, ApiKeyEntity, InviteEntity, AuditEventEntity, LoginAttemptEntity);
// Drafts and published versions (issue 16)
ENTITIES.push(WorkflowDraftEntity, RehearsalEntity);
export {
  RehearsalEntity,
  WorkflowDraftEntity,
  CredentialEntity,
  InboundRequestEntity,
  RunEntity,
  StepRunEntity,
  TriggerDedupeKeyEntity,
  TriggerSecretEntity,
  WorkflowEntity,
  WorkflowVersionEntity,
  WorkspaceEntity,
};
// Workflow watch alerts (issue 18)
ENTITIES.push(WorkflowAlertStateEntity);
export { WorkflowAlertStateEntity };
export { ApiKeyEntity, AuditEventEntity, InviteEntity, LoginAttemptEntity, SessionEntity, UserEntity, WorkspaceMemberEntity };
// Waiting runs (issue 17: wait steps)
ENTITIES.push(RunWaitEntity);
export { RunWaitEntity };
