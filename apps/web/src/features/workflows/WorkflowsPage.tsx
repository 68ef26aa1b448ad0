import { triggerTypeLabel } from '../builder/triggers/trigger-type-label';
import { Link } from 'react-router';
import type { WorkflowListItem } from '../../api';
import { ButtonLink, Card, ErrorState, LoadingState, PageHeader, Table, type TableColumn } from '../../ui';
import { ExportButton } from '../bundles/ExportButton';
import { IMPORT_PATH } from '../bundles/ImportPage';
import { TriggerUrl } from './TriggerUrl';
import { useCan } from '../workspaces/use-role';
import { useWorkflows } from './use-workflows';
import { WorkflowActiveSwitch } from './WorkflowActiveSwitch';
import { NEW_WORKFLOW_PATH, workflowPath } from './workflow-paths';
import { WorkflowRowActions } from './WorkflowRowActions';
import { LastRunCell, Runs24hCell } from './WorkflowRunStats';
import { WorkflowsEmptyState } from './WorkflowsEmptyState';
import './WorkflowsPage.css';

const columns: TableColumn<WorkflowListItem>[] = [
  {
    key: 'name',
    header: 'Name',
    render: (workflow) => (
      <div className="sy-workflows__name">
        <Link to={workflowPath(workflow.id)}>{workflow.name}</Link>{' '}
        <span className="sy-workflows__version" title={`Version ${workflow.version}`}>
          v{workflow.version}
        </span>
        <div className="sy-workflows__url">
          {workflow.trigger.url ? (
            <TriggerUrl url={workflow.trigger.url} workflowName={workflow.name} compact />
          ) : (
            <span className="sy-muted">{triggerTypeLabel(workflow.trigger.type)}</span>
          )}
        </div>
      </div>
    ),
  },
  { key: 'active', header: 'On/off', width: '92px', render: (workflow) => <WorkflowActiveSwitch workflow={workflow} /> },
  { key: 'last', header: 'Last run', hideBelow: 'sm', render: (workflow) => <LastRunCell workflow={workflow} /> },
  {
    key: 'runs24h',
    header: 'Runs (24 h)',
    align: 'end',
    width: '104px',
    hideBelow: 'md',
    render: (workflow) => <Runs24hCell workflow={workflow} />,
  },
  {
    key: 'actions',
    header: <span className="sy-visually-hidden">Actions</span>,
    align: 'end',
    render: (workflow) => <WorkflowRowActions workflow={workflow} />,
  },
];

export function WorkflowsPage() {
  const workflows = useWorkflows();
  const count = workflows.data?.length ?? 0;
  const canCreate = useCan('workflow.create');

  return (
    <>
      <title>Workflows · Switchyard</title>
      <PageHeader
        title="Workflows"
        description="Each workflow runs its steps whenever its trigger URL receives a webhook."
        actions={
          <>
            {count > 0 ? <ExportButton /> : null}
            {canCreate ? (
              <ButtonLink to={IMPORT_PATH} icon="download">
                Import
              </ButtonLink>
            ) : null}
            {count > 0 && canCreate ? (
              <ButtonLink to={NEW_WORKFLOW_PATH} variant="primary" icon="plus">
                Create workflow
              </ButtonLink>
            ) : null}
          </>
        }
      />
      {workflows.isPending ? (
        <Card>
          <LoadingState label="Loading workflows…" />
        </Card>
      ) : workflows.isError ? (
        <ErrorState title="Could not load workflows" error={workflows.error} onRetry={() => void workflows.refetch()} />
      ) : count === 0 ? (
        <Card>
          <WorkflowsEmptyState />
        </Card>
      ) : (
        <Card flush title={`${count} ${count === 1 ? 'workflow' : 'workflows'}`}>
          <Table
            caption="Workflows"
            columns={columns}
            rows={workflows.data ?? []}
            rowKey={(workflow) => workflow.id}
            rowHref={(workflow) => workflowPath(workflow.id)}
          />
        </Card>
      )}
    </>
  );
}
