import { CredentialEntity } from './credential.entity';
import { InboundRequestEntity } from './inbound-request.entity';
import { RunEntity } from './run.entity';
import { StepRunEntity } from './step-run.entity';
import { TriggerDedupeKeyEntity } from './trigger-dedupe-key.entity';
import { TriggerSecretEntity } from './trigger-secret.entity';
import { WorkflowVersionEntity } from './workflow-version.entity';
import { WorkflowEntity } from './workflow.entity';
import { WorkspaceEntity } from './workspace.entity';

export const ENTITIES = [WorkspaceEntity, WorkflowEntity, WorkflowVersionEntity, InboundRequestEntity, RunEntity, StepRunEntity, TriggerSecretEntity, TriggerDedupeKeyEntity, CredentialEntity];
export { CredentialEntity, InboundRequestEntity, RunEntity, StepRunEntity, TriggerDedupeKeyEntity, TriggerSecretEntity, WorkflowEntity, WorkflowVersionEntity, WorkspaceEntity };
