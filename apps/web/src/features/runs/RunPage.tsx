import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, type Run } from '../../api';
import { elapsedMs, formatDuration } from '../../lib/format-duration';
import { summariseError } from '../../lib/error-summary';
import { hasContent } from '../../lib/pretty-json';
import { useNow } from '../../lib/use-now';
import {
  Button,
  Card,
  CodeBlock,
  CopyButton,
  DescriptionList,
  EmptyState,
  ErrorState,
  Icon,
  LoadingState,
  PageHeader,
  RelativeTime,
} from '../../ui';
import { formatDateTime } from '../../lib/format-date';
import { useWorkflow } from '../workflows/use-workflows';
import { workflowPath } from '../workflows/workflow-paths';
import { isRunFinished } from './run-status';
import { RunStatusBadge } from './StatusBadge';
import { StepList } from './StepList';
import { TriggerRequestCard } from './TriggerRequestCard';
import { runPath } from './RunsCard';
import { useReplayRun, useRun } from './use-run';
import './RunPage.css';

function Timestamp({ iso }: { iso: string | null | undefined }) {
  if (!iso) return <span className="sy-muted">—</span>;
  return (
    <span className="sy-run__timestamp">
      <RelativeTime iso={iso} />
      <span className="sy-muted">{formatDateTime({ iso })}</span>
    </span>
  );
}

function RunSummaryCard({ run, now }: { run: Run; now: number }) {
  const ms = elapsedMs({ durationMs: run.durationMs, startedAt: run.startedAt, finishedAt: run.finishedAt, now });
  return (
    <Card id="run-summary" title="Summary">
      <DescriptionList
        items={[
          { label: 'Status', value: <RunStatusBadge status={run.status} /> },
          { label: 'Started', value: <Timestamp iso={run.startedAt ?? run.createdAt} /> },
          { label: 'Finished', value: <Timestamp iso={run.finishedAt} /> },
          { label: 'Duration', value: <span className="sy-run__number">{formatDuration(ms)}</span> },
          {
            label: 'Run ID',
            value: (
              <span className="sy-run__id">
                <code title={run.id}>{run.id}</code>
                <CopyButton text={run.id} label="Copy run ID" variant="ghost" />
              </span>
            ),
          },
          ...(run.version !== undefined ? [{ label: 'Workflow version', value: `v${run.version}` }] : []),
          ...(run.replayOf
            ? [{ label: 'Replay of', value: <Link className="sy-run__link" to={runPath(run.replayOf)}>{run.replayOf.slice(0, 8)}…</Link> }]
            : []),
        ]}
      />
    </Card>
  );
}

/** Says why the run failed and points at the step; the step shows the full error. */
function RunErrorCallout({ error }: { error: unknown }) {
  const { message, stepId } = summariseError(error);
  return (
    <section className="sy-run__error" aria-labelledby="run-error-title">
      <Icon name="alert" size={20} className="sy-run__error-icon" />
      <div className="sy-run__error-body">
        <h2 id="run-error-title" className="sy-run__error-title">
          {stepId ? (
            <>
              Step <a href={`#step-${stepId}`}>{stepId}</a> failed
            </>
          ) : (
            'The run failed'
          )}
        </h2>
        {message ? <p className="sy-run__error-message">{message}</p> : null}
        {!stepId ? <CodeBlock label="Error" value={error} tone="danger" /> : null}
      </div>
    </section>
  );
}

export function RunPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const run = useRun(id);
  const workflowId = run.data?.workflowId;
  const workflow = useWorkflow(workflowId ?? '', { enabled: Boolean(workflowId) });
  const replay = useReplayRun({ workflowId });
  const finished = run.data ? isRunFinished(run.data.status) : true;
  const now = useNow(1000, !finished);

  if (run.isPending) return <LoadingState label="Loading run…" />;
  if (run.isError) {
    const notFound = run.error instanceof ApiError && run.error.isNotFound;
    return (
      <>
        <PageHeader title="Run" back={{ to: '/', label: 'All workflows' }} />
        {notFound ? (
          <Card>
            <EmptyState icon="alert" title="Run not found" description={`There is no run with the id “${id}”.`} />
          </Card>
        ) : (
          <ErrorState title="Could not load this run" error={run.error} onRetry={() => void run.refetch()} />
        )}
      </>
    );
  }

  const data = run.data;
  const workflowName = workflow.data?.name;

  async function handleReplay() {
    const result = await replay.mutateAsync(data.id);
    navigate(runPath(result.runId));
  }

  return (
    <>
      <title>{`Run ${data.id.slice(0, 8)} · Switchyard`}</title>
      <PageHeader
        back={{ to: workflowPath(data.workflowId), label: workflowName ?? 'Back to workflow' }}
        title={workflowName ? `Run of ${workflowName}` : 'Run'}
        meta={<RunStatusBadge status={data.status} />}
        description={
          <span className="sy-run__subtitle">
            <code>{data.id}</code>
          </span>
        }
        actions={
          <Button icon="replay" onClick={() => void handleReplay().catch(() => undefined)} loading={replay.isPending}>
            Replay
          </Button>
        }
      />
      {replay.isError ? (
        <div className="sy-run__section">
          <ErrorState title="Could not replay this run" error={replay.error} />
        </div>
      ) : null}
      <div className="sy-run__layout">
        <div className="sy-run__main">
          <RunSummaryCard run={data} now={now} />
          {hasContent(data.error) ? <RunErrorCallout error={data.error} /> : null}
          <StepList steps={data.steps ?? []} now={now} />
        </div>
        <aside className="sy-run__aside" aria-label="Trigger request">
          <TriggerRequestCard trigger={data.trigger} />
        </aside>
      </div>
    </>
  );
}
