import { InboundRequestEntity } from './inbound-request.entity';
import { RunEntity } from './run.entity';
import { StepRunEntity } from './step-run.entity';
import { WorkflowVersionEntity } from './workflow-version.entity';
import { WorkflowEntity } from './workflow.entity';
import { WorkspaceEntity } from './workspace.entity';

export const ENTITIES = [WorkspaceEntity, WorkflowEntity, WorkflowVersionEntity, InboundRequestEntity, RunEntity, StepRunEntity];
export { InboundRequestEntity, RunEntity, StepRunEntity, WorkflowEntity, WorkflowVersionEntity, WorkspaceEntity };
