import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, type ReplayOptions, type Run } from '../../api';
import { formatDateTime } from '../../lib/format-date';
import { elapsedMs, formatDuration } from '../../lib/format-duration';
import { failedStepLabel } from '../../lib/error-summary';
import { hasContent } from '../../lib/pretty-json';
import { useNow } from '../../lib/use-now';
import {
  Card,
  CopyButton,
  DescriptionList,
  EmptyState,
  ErrorState,
  Icon,
  JsonViewer,
  LoadingState,
  Menu,
  PageHeader,
  RelativeTime,
  type MenuItem,
} from '../../ui';
import { useWorkflow } from '../workflows/use-workflows';
import { useCan } from '../workspaces/use-role';
import { workflowEditorPath, workflowPath } from '../workflows/workflow-paths';
import { ErrorExplanation } from './ErrorExplanation';
import { runPath, RUNS_PATH } from './run-paths';
import { isRunFinished } from './run-status';
import { RunStatusBadge } from './StatusBadge';
import { DeadLetterBadge } from './DeadLetterInfo';
import { StepList, stepAnchorId } from './StepList';
import { OpenAsSampleLink, TriggerRequestCard } from './TriggerRequestCard';
import { ReplayConfirmDialog } from './replay/ReplayConfirmDialog';
import { ReplaysCard } from './replay/ReplaysCard';
import { RunLinksCard } from './compose/RunLinksCard';
import { ResolvedBadge } from './replay/ResolvedBadge';
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
          {
            label: 'Status',
            value: (
              <>
                <RunStatusBadge status={run.status} /> <DeadLetterBadge run={run} /> <ResolvedBadge run={run} />
              </>
            ),
          },
          ...(run.filteredBy
            ? [
                {
                  label: 'Stopped by',
                  value: (
                    <span className="sy-run__filtered">
                      filter <a href={`#${stepAnchorId(run.filteredBy.stepId)}`}>{run.filteredBy.stepId}</a>:{' '}
                      <code>{run.filteredBy.condition}</code> was false
                    </span>
                  ),
                },
              ]
            : []),
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
          ...(run.version !== undefined
            ? [
                {
                  label: 'Workflow version',
                  value: run.versionId ? (
                    <Link to={`${workflowEditorPath(run.workflowId)}#version-${run.versionId}`}>{`v${run.version}`}</Link>
                  ) : (
                    `v${run.version}`
                  ),
                },
              ]
            : []),
          ...(run.replayOf
            ? [
                {
                  label: 'Replay of',
                  value: (
                    <Link className="sy-run__link" to={runPath(run.replayOf)}>
                      {run.replayOf.slice(0, 8)}…
                    </Link>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

/** Says why the run failed in plain words and points at the step, whose card has the details. */
function RunErrorCallout({ error, run }: { error: unknown; run: Run }) {
  const step = failedStepLabel(error);
  const stepId = step?.id ?? null;
  return (
    <section className="sy-run__error" aria-labelledby="run-error-title">
      <Icon name="alert" size={20} className="sy-run__error-icon" />
      <div className="sy-run__error-body">
        <h2 id="run-error-title" className="sy-run__error-title">
          {step ? (
            <>
              Step{' '}
              <a
                href={`#${stepAnchorId(step.id)}`}
                title={step.named ? `Step id: ${step.id}` : undefined}
                className={step.named ? 'sy-run__error-step--named' : undefined}
              >
                {step.named ? `‘${step.label}’` : step.label}
              </a>{' '}
              failed
            </>
          ) : (
            'The run failed'
          )}
        </h2>
        <ErrorExplanation error={error} />
        {step && run.trigger ? (
          <div className="sy-run__error-actions">
            <OpenAsSampleLink workflowId={run.workflowId} trigger={run.trigger} stepId={step.id}>
              {step.named ? `Open ‘${step.label}’ in the builder` : 'Open the failed step in the builder'}
            </OpenAsSampleLink>
          </div>
        ) : null}
        {!stepId ? <JsonViewer label="Error" value={error} tone="danger" defaultExpandDepth={1} /> : null}
      </div>
    </section>
  );
}

function replayItems(params: { run: Run; onReplay: (options: ReplayOptions) => void }): MenuItem[] {
  const { run, onReplay } = params;
  const failed = run.status === 'failed';
  const original = run.version !== undefined ? `v${run.version}` : 'the version it ran';
  return [
    {
      label: 'From the failed step, current version',
      description: failed
        ? 'Keeps what worked and runs the rest on the workflow as it is now: use it after a fix.'
        : 'Only for failed runs.',
      icon: 'replay',
      disabled: !failed,
      onSelect: () => onReplay({ from: 'failed-step', version: 'current', freshIdempotencyKeys: false }),
    },
    {
      label: 'From the failed step, original version',
      description: failed
        ? `Keeps what worked and tries the rest again unchanged (${original}): use it after an outage.`
        : 'Only for failed runs.',
      icon: 'replay',
      disabled: !failed,
      onSelect: () => onReplay({ from: 'failed-step', version: 'original', freshIdempotencyKeys: false }),
    },
    {
      label: 'From the start, current version',
      description: 'Runs every step again, the ones that worked too, on the workflow as it is now.',
      icon: 'play',
      onSelect: () => onReplay({ from: 'start', version: 'current', freshIdempotencyKeys: false }),
    },
    {
      label: 'From the start, original version',
      description: `Runs every step again, the ones that worked too, exactly as before (${original}).`,
      icon: 'play',
      onSelect: () => onReplay({ from: 'start', version: 'original', freshIdempotencyKeys: false }),
    },
  ];
}

export function RunPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const run = useRun(id);
  const workflowId = run.data?.workflowId;
  const workflow = useWorkflow(workflowId ?? '', { enabled: Boolean(workflowId) });
  const replay = useReplayRun({ workflowId });
  const [confirming, setConfirming] = useState<ReplayOptions | null>(null);
  const canReplay = useCan('run.replay');
  const finished = run.data ? isRunFinished(run.data.status) : true;
  const now = useNow(1000, !finished);

  if (run.isPending) return <LoadingState label="Loading run…" />;
  if (run.isError) {
    const notFound = run.error instanceof ApiError && run.error.isNotFound;
    return (
      <>
        <PageHeader title="Run" back={{ to: RUNS_PATH, label: 'All runs' }} />
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

  async function handleReplay(options: ReplayOptions) {
    const result = await replay.mutateAsync({ runId: data.id, options });
    setConfirming(null);
    navigate(runPath(result.runId));
  }

  // A run replayed before is replayed again only once the person has seen what will be sent again.
  function askReplay(options: ReplayOptions) {
    if (data.replays.length > 0) setConfirming(options);
    else void handleReplay(options).catch(() => undefined);
  }

  return (
    <>
      <title>{`Run ${data.id.slice(0, 8)} · Switchyard`}</title>
      <PageHeader
        back={{ to: workflowPath(data.workflowId), label: workflowName ?? 'Back to workflow' }}
        title={workflowName ? `Run of ${workflowName}` : 'Run'}
        meta={
          <>
            <RunStatusBadge status={data.status} /> <ResolvedBadge run={data} />
          </>
        }
        description={
          <span className="sy-run__subtitle">
            <code>{data.id}</code>
          </span>
        }
        actions={
          canReplay ? (
            <>
              {data.trigger ? <OpenAsSampleLink workflowId={data.workflowId} trigger={data.trigger} size="md" /> : null}
              <Menu
                label="Replay this run"
                text={replay.isPending ? 'Replaying…' : 'Replay'}
                icon="replay"
                variant={data.status === 'failed' ? 'primary' : 'secondary'}
                items={replayItems({ run: data, onReplay: askReplay })}
              />
            </>
          ) : null
        }
      />
      {replay.isError ? (
        <div className="sy-run__section">
          <ErrorState title="Could not replay this run" error={replay.error} />
        </div>
      ) : null}
      <ReplayConfirmDialog
        run={data}
        options={confirming}
        pending={replay.isPending}
        onClose={() => setConfirming(null)}
        onConfirm={(options) => void handleReplay(options).catch(() => undefined)}
      />
      <div className="sy-run__layout">
        <div className="sy-run__main">
          <RunSummaryCard run={data} now={now} />
          <ReplaysCard run={data} />
          <RunLinksCard run={data} />
          {hasContent(data.error) ? <RunErrorCallout error={data.error} run={data} /> : null}
          <StepList run={data} now={now} />
        </div>
        <aside className="sy-run__aside" aria-label="Trigger request">
          <TriggerRequestCard trigger={data.trigger} />
        </aside>
      </div>
    </>
  );
}
