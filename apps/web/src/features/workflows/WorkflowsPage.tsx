import { Link } from 'react-router';
import type { WorkflowSummary } from '../../api';
import { Card, ErrorState, Icon, LoadingState, PageHeader, RelativeTime, Table, type TableColumn } from '../../ui';
import { TriggerUrl } from './TriggerUrl';
import { useWorkflows } from './use-workflows';
import { workflowPath } from './workflow-paths';
import { WorkflowsEmptyState } from './WorkflowsEmptyState';
import { WorkflowStatusBadge } from './WorkflowStatusBadge';
import './WorkflowsPage.css';

const columns: TableColumn<WorkflowSummary>[] = [
  {
    key: 'name',
    header: 'Name',
    render: (workflow) => (
      <div className="sy-workflows__name">
        <Link to={workflowPath(workflow.id)}>{workflow.name}</Link>{' '}
        <span className="sy-workflows__version" title={`Version ${workflow.version}`}>
          v{workflow.version}
        </span>
      </div>
    ),
  },
  { key: 'status', header: 'Status', width: '88px', render: (workflow) => <WorkflowStatusBadge active={workflow.active} /> },
  {
    key: 'trigger',
    header: 'Trigger URL',
    hideBelow: 'md',
    render: (workflow) => <TriggerUrl url={workflow.trigger.url} workflowName={workflow.name} compact />,
  },
  { key: 'created', header: 'Created', hideBelow: 'md', render: (workflow) => <RelativeTime iso={workflow.createdAt} /> },
  { key: 'updated', header: 'Updated', hideBelow: 'sm', render: (workflow) => <RelativeTime iso={workflow.updatedAt} /> },
  {
    key: 'runs',
    header: <span className="sy-visually-hidden">Runs</span>,
    align: 'end',
    width: '96px',
    render: (workflow) => (
      <Link className="sy-workflows__runs" to={`${workflowPath(workflow.id)}#runs`} aria-label={`Runs of ${workflow.name}`}>
        Runs
        <Icon name="chevronRight" size={14} />
      </Link>
    ),
  },
];

export function WorkflowsPage() {
  const workflows = useWorkflows();
  const count = workflows.data?.length ?? 0;

  return (
    <>
      <title>Workflows · Switchyard</title>
      <PageHeader
        title="Workflows"
        description="Each workflow runs its steps whenever its trigger URL receives a webhook."
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
