import { TriggerSummaryCard } from '../builder/triggers/TriggerSummaryCard';
import { useParams } from 'react-router';
import { ApiError, type Workflow } from '../../api';
import { absoluteUrl } from '../../lib/absolute-url';
import {
  Badge,
  ButtonLink,
  Card,
  CodeBlock,
  DescriptionList,
  EmptyState,
  ErrorState,
  LoadingState,
  PageHeader,
  RelativeTime,
} from '../../ui';
import { RefusedRequestsNote } from '../requests/RefusedRequestsNote';
import { RequestLog } from '../requests/RequestLog';
import { RunsView } from '../runs/RunsView';
import { sendWebhookCurl } from './curl-examples';
import { TriggerUrl } from './TriggerUrl';
import { useCan } from '../workspaces/use-role';
import { useWorkflow } from './use-workflows';
import { WorkflowActiveSwitch } from './WorkflowActiveSwitch';
import { WorkflowTabs } from './WorkflowTabs';
import { ExportButton } from '../bundles/ExportButton';
import { WorkflowHealthView } from '../health/WorkflowHealthView';
import { WorkflowReliabilitySettings } from './WorkflowReliabilitySettings';
import { ErrorWorkflowSetting } from './ErrorWorkflowSetting';
import { workflowEditorPath } from './workflow-paths';
import './WorkflowPage.css';

function StepsCard({ workflow }: { workflow: Workflow }) {
  const steps = workflow.steps ?? [];
  return (
    <Card id="workflow-steps" title="Steps" headingLevel={2}>
      {steps.length === 0 ? (
        <p className="sy-muted">This workflow has no steps.</p>
      ) : (
        <ol className="sy-workflow__steps">
          {steps.map((step, index) => (
            <li key={`${step.id}-${index}`} className="sy-workflow__step">
              <span className="sy-workflow__step-index" aria-hidden="true">
                {index + 1}
              </span>
              <span className="sy-workflow__step-id">
                {step.id}
                {step.name ? <span className="sy-workflow__step-name">{step.name}</span> : null}
              </span>
              <Badge tone="accent">{step.type}</Badge>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

function TriggerCard({ workflow }: { workflow: Workflow }) {
  if (workflow.trigger.type !== 'webhook' || !workflow.trigger.url) return <TriggerSummaryCard workflow={workflow} />;
  const url = absoluteUrl({ url: workflow.trigger.url, origin: window.location.origin });
  return (
    <Card id="workflow-trigger" title="Trigger" description="Send a webhook here to start a run.">
      <div className="sy-workflow__trigger">
        <TriggerUrl url={workflow.trigger.url} workflowName={workflow.name} />
        <CodeBlock label="Send a test event" code={sendWebhookCurl({ url })} wrap />
        <DescriptionList
          items={[
            { label: 'Created', value: <RelativeTime iso={workflow.createdAt} /> },
            { label: 'Updated', value: <RelativeTime iso={workflow.updatedAt} /> },
            { label: 'Version', value: `v${workflow.version}` },
          ]}
        />
      </div>
    </Card>
  );
}

/** `/workflows/:id` (runs) and `/workflows/:id/requests` (the Inbox) of one workflow. */
export function WorkflowPage({ tab = 'runs' }: { tab?: 'runs' | 'requests' | 'health' }) {
  const { id = '' } = useParams();
  const workflow = useWorkflow(id);
  const canEdit = useCan('workflow.edit');

  if (workflow.isPending) return <LoadingState label="Loading workflow…" />;
  if (workflow.isError) {
    const notFound = workflow.error instanceof ApiError && workflow.error.isNotFound;
    return (
      <>
        <PageHeader title="Workflow" back={{ to: '/', label: 'All workflows' }} />
        {notFound ? (
          <Card>
            <EmptyState icon="alert" title="Workflow not found" description="It may have been deleted." />
          </Card>
        ) : (
          <ErrorState title="Could not load this workflow" error={workflow.error} onRetry={() => void workflow.refetch()} />
        )}
      </>
    );
  }

  const data = workflow.data;
  return (
    <>
      <title>{`${data.name} · Switchyard`}</title>
      <PageHeader
        back={{ to: '/', label: 'All workflows' }}
        title={data.name}
        actions={
          <>
            <WorkflowActiveSwitch workflow={data} />
            <ExportButton workflow={data} />
            {canEdit ? (
              <ButtonLink to={workflowEditorPath(data.id)} variant="primary" icon="pencil">
                Edit workflow
              </ButtonLink>
            ) : (
              <ButtonLink to={workflowEditorPath(data.id)} icon="workflow">
                View steps
              </ButtonLink>
            )}
          </>
        }
        description={
          data.active
            ? 'Runs start within seconds of each webhook; this page refreshes on its own.'
            : 'This workflow is off: webhooks are recorded but start no runs.'
        }
      />
      <WorkflowTabs workflowId={data.id} />
      {tab === 'health' ? (
        <WorkflowHealthView workflowId={data.id} />
      ) : tab === 'requests' ? (
        <RequestLog workflowId={data.id} />
      ) : (
        <div className="sy-workflow__layout">
          <div className="sy-workflow__main">
            <RunsView workflowId={data.id} />
          </div>
          <aside className="sy-workflow__aside" aria-label="Workflow details">
            <RefusedRequestsNote workflowId={data.id} />
            <TriggerCard workflow={data} />
            <StepsCard workflow={data} />
            <WorkflowReliabilitySettings workflow={data} />
            <ErrorWorkflowSetting workflow={data} />
          </aside>
        </div>
      )}
    </>
  );
}
