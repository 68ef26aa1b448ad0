import { useState } from 'react';
import { Link } from 'react-router';
import { RUN_STATUSES, type RunStatus, type RunSummary } from '../../api';
import { elapsedMs, formatDuration } from '../../lib/format-duration';
import { useNow } from '../../lib/use-now';
import { Button, Card, EmptyState, ErrorState, LoadingState, RelativeTime, Select, Table, type TableColumn } from '../../ui';
import { runStatusPresentation } from './run-status';
import { RunStatusBadge } from './StatusBadge';
import { RUNS_REFRESH_MS, useWorkflowRuns } from './use-workflow-runs';
import './RunsCard.css';

export function runPath(id: string): string {
  return `/runs/${encodeURIComponent(id)}`;
}

function shortId(id: string): string {
  return id.length > 13 ? `${id.slice(0, 8)}…${id.slice(-4)}` : id;
}

function RunDuration({ run, now }: { run: RunSummary; now: number }) {
  const ms = elapsedMs({ durationMs: run.durationMs, startedAt: run.startedAt, finishedAt: run.finishedAt, now });
  return <span className="sy-runs__duration">{formatDuration(ms)}</span>;
}

export function RunsCard({ workflowId }: { workflowId: string }) {
  const [status, setStatus] = useState<RunStatus | ''>('');
  const runs = useWorkflowRuns({ workflowId, status: status || undefined });
  const now = useNow(1000);

  const columns: TableColumn<RunSummary>[] = [
    { key: 'status', header: 'Status', width: '130px', render: (run) => <RunStatusBadge status={run.status} /> },
    {
      key: 'started',
      header: 'Started',
      render: (run) => <RelativeTime iso={run.startedAt ?? run.createdAt} />,
    },
    { key: 'duration', header: 'Duration', align: 'end', width: '110px', render: (run) => <RunDuration run={run} now={now} /> },
    {
      key: 'id',
      header: 'Run',
      align: 'end',
      hideBelow: 'sm',
      render: (run) => (
        <Link to={runPath(run.id)} className="sy-runs__id" aria-label={`Run ${run.id}, ${runStatusPresentation(run.status).label}`} title={run.id}>
          {shortId(run.id)}
        </Link>
      ),
    },
  ];

  return (
    <Card
      id="runs"
      title="Runs"
      description="Every webhook this workflow received, newest first."
      flush
      actions={
        <div className="sy-runs__toolbar">
          <span className="sy-runs__live" title={`Refreshes every ${RUNS_REFRESH_MS / 1000} seconds`}>
            <span className="sy-runs__live-dot" aria-hidden="true" />
            Live
          </span>
          <Select
            label="Filter runs by status"
            hideLabel
            value={status}
            onChange={(value) => setStatus(value as RunStatus | '')}
            options={[
              { value: '', label: 'All statuses' },
              ...RUN_STATUSES.map((value) => ({ value, label: runStatusPresentation(value).label })),
            ]}
          />
        </div>
      }
    >
      {runs.isPending ? (
        <LoadingState label="Loading runs…" />
      ) : runs.isError && runs.runs.length === 0 ? (
        <div className="sy-runs__error">
          <ErrorState title="Could not load runs" error={runs.error} onRetry={() => void runs.refetch()} />
        </div>
      ) : runs.runs.length === 0 ? (
        <EmptyState
          icon="bolt"
          title={status ? `No ${runStatusPresentation(status).label.toLowerCase()} runs` : 'No runs yet'}
          description={
            status
              ? 'Try another status, or clear the filter.'
              : 'Send a request to the trigger URL and the run shows up here within seconds.'
          }
        />
      ) : (
        <Table
          caption="Runs of this workflow"
          columns={columns}
          rows={runs.runs}
          rowKey={(run) => run.id}
          rowHref={(run) => runPath(run.id)}
          footer={
            runs.hasNextPage ? (
              <Button size="sm" onClick={() => void runs.fetchNextPage()} loading={runs.isFetchingNextPage}>
                Load more
              </Button>
            ) : (
              <span className="sy-muted sy-runs__end">
                {runs.runs.length === 1 ? '1 run' : `${runs.runs.length} runs`} · end of history
              </span>
            )
          }
        />
      )}
    </Card>
  );
}
