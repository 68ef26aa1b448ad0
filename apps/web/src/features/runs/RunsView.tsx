import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, RUN_STATUSES, type RunListItem } from '../../api';
import { failedStepLabel, summariseError } from '../../lib/error-summary';
import { formatDateTime } from '../../lib/format-date';
import { elapsedMs, formatDuration } from '../../lib/format-duration';
import { TIME_RANGE_OPTIONS, type TimeRange } from '../../lib/time-range';
import { useNow } from '../../lib/use-now';
import { Button, Card, EmptyState, ErrorState, Icon, LoadingState, RelativeTime, Select, Table, type TableColumn } from '../../ui';
import { useWorkflows } from '../workflows/use-workflows';
import { workflowPath } from '../workflows/workflow-paths';
import { BulkReplayBar } from './BulkReplayBar';
import { apiRunFilters, hasActiveFilters, readRunFilters, writeRunFilters, type RunListFilters } from './run-filters';
import { runPath } from './run-paths';
import { runStatusPresentation } from './run-status';
import { RunStatusBadge } from './StatusBadge';
import { DeadLetterBadge, DeadLetterFilter } from './DeadLetterInfo';
import { ResolvedBadge } from './replay/ResolvedBadge';
import { SearchFieldPicker } from './search/SearchFieldPicker';
import { useRunsList } from './use-runs-list';
import { useCan } from '../workspaces/use-role';
import { RunNowButton } from '../run-now/RunNowButton';
import './RunsView.css';

function shortId(id: string): string {
  return id.length > 13 ? `${id.slice(0, 8)}…` : id;
}

function RunDuration({ run, now }: { run: RunListItem; now: number }) {
  const ms = elapsedMs({ durationMs: run.durationMs, startedAt: run.startedAt, finishedAt: run.finishedAt, now });
  return <span className="sy-runs__duration">{formatDuration(ms)}</span>;
}

function FailedStep({ run }: { run: RunListItem }) {
  if (run.status !== 'failed') return <span className="sy-muted">—</span>;
  const { message } = summariseError(run.error);
  const step = failedStepLabel(run.error);
  return (
    <span className="sy-runs__failure" title={message ?? undefined}>
      {step ? (
        <span className="sy-runs__failure-step" title={step.named ? `Step id: ${step.id}` : undefined}>
          {step.label}
        </span>
      ) : null}
      {message ? <span className="sy-runs__failure-message">{message}</span> : null}
    </span>
  );
}

function SearchBox({ value, onSubmit, workflowId }: { value: string; onSubmit: (q: string) => void; workflowId?: string }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(text);
  }
  return (
    <form className="sy-runs__search" role="search" onSubmit={submit}>
      <Icon name="search" size={15} className="sy-runs__search-icon" />
      <label htmlFor="runs-search" className="sy-visually-hidden">
        Search runs by payload field, or by any value in their request
      </label>
      <input
        id="runs-search"
        className="sy-input sy-input--mono sy-runs__search-input"
        type="search"
        value={text}
        placeholder='An e-mail, an order id… or body.customer.email = "ada@example.com"'
        onChange={(event) => setText(event.target.value)}
        spellCheck={false}
        autoComplete="off"
      />
      {workflowId ? <SearchFieldPicker workflowId={workflowId} onPick={setText} /> : null}
      <Button type="submit" size="sm">
        Search
      </Button>
      {value ? (
        <Button size="sm" variant="ghost" onClick={() => onSubmit('')}>
          Clear
        </Button>
      ) : null}
    </form>
  );
}

function LiveIndicator({ live }: { live: string }) {
  const streaming = live === 'open';
  return (
    <span className="sy-runs__live" title={streaming ? 'New runs appear as they happen' : 'Refreshes every few seconds'}>
      <span
        className={streaming || live === 'polling' ? 'sy-runs__live-dot' : 'sy-runs__live-dot sy-runs__live-dot--idle'}
        aria-hidden="true"
      />
      {streaming ? 'Live' : 'Auto-refresh'}
    </span>
  );
}

/**
 * A list of runs with its toolbar (status, time range, payload search), cursor paging, selection
 * of failed runs and bulk replay. With `workflowId` it lists that workflow's runs; without, every
 * workflow's, with a workflow filter and column.
 */
export function RunsView({ workflowId }: { workflowId?: string }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => readRunFilters(searchParams), [searchParams]);
  const runs = useRunsList({ filters, workflowId });
  const workflows = useWorkflows();
  const now = useNow(1000);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const acrossWorkflows = !workflowId;
  const canReplay = useCan('run.replay');

  const names = useMemo(() => new Map((workflows.data ?? []).map((workflow) => [workflow.id, workflow.name])), [workflows.data]);

  function update(patch: Partial<RunListFilters>) {
    setSelected(new Set());
    setSearchParams((old) => writeRunFilters({ filters: { ...filters, ...patch }, into: old }), { replace: true });
  }

  const failedShown = runs.runs.filter((run) => run.status === 'failed');
  const allFailedSelected = failedShown.length > 0 && failedShown.every((run) => selected.has(run.id));

  function toggle(id: string, on: boolean) {
    setSelected((old) => {
      const next = new Set(old);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  const allColumns: TableColumn<RunListItem>[] = [
    {
      key: 'select',
      header: (
        <input
          type="checkbox"
          className="sy-runs__check"
          aria-label="Select every failed run shown"
          checked={allFailedSelected}
          disabled={failedShown.length === 0}
          onChange={(event) => setSelected(event.target.checked ? new Set(failedShown.map((run) => run.id)) : new Set())}
        />
      ),
      width: '44px',
      render: (run) =>
        run.status === 'failed' ? (
          <input
            type="checkbox"
            className="sy-runs__check"
            aria-label={`Select failed run ${run.id}`}
            checked={selected.has(run.id)}
            onChange={(event) => toggle(run.id, event.target.checked)}
          />
        ) : null,
    },
    {
      key: 'status',
      header: 'Status',
      width: '136px',
      render: (run) => (
        <span className="sy-runs__status">
          <RunStatusBadge status={run.status} />
          <DeadLetterBadge run={run} />
          <ResolvedBadge run={run} link={false} />
          {run.status === 'failed' && failedStepLabel(run.error) ? (
            <span className="sy-runs__failure-step sy-runs__status-failure" title={`Step id: ${failedStepLabel(run.error)?.id}`}>
              {failedStepLabel(run.error)?.label}
            </span>
          ) : null}
          {run.replayOf ? (
            <span className="sy-runs__replay" title={`Replay of run ${run.replayOf}`}>
              <Icon name="replay" size={12} />
              <span className="sy-visually-hidden">replay</span>
            </span>
          ) : null}
        </span>
      ),
    },
    ...(acrossWorkflows
      ? [
          {
            key: 'workflow',
            header: 'Workflow',
            render: (run: RunListItem) => (
              <Link className="sy-runs__workflow" to={workflowPath(run.workflowId)} title={names.get(run.workflowId)}>
                {names.get(run.workflowId) ?? `${run.workflowId.slice(0, 8)}…`}
              </Link>
            ),
          } satisfies TableColumn<RunListItem>,
        ]
      : []),
    {
      key: 'started',
      header: 'Started',
      width: '168px',
      render: (run) => (
        <span className="sy-runs__when">
          <RelativeTime iso={run.startedAt ?? run.createdAt} />
          <span className="sy-muted">{formatDateTime({ iso: run.startedAt ?? run.createdAt })}</span>
        </span>
      ),
    },
    {
      key: 'duration',
      header: 'Duration',
      align: 'end',
      width: '88px',
      hideBelow: 'md',
      className: 'sy-runs__col-duration',
      render: (run) => <RunDuration run={run} now={now} />,
    },
    {
      key: 'trigger',
      header: 'Trigger',
      hideBelow: 'md',
      className: 'sy-runs__col-trigger',
      render: (run) =>
        run.triggerSummary ? (
          <span className="sy-runs__trigger sy-muted" title={run.triggerSummary.preview ?? undefined}>
            {run.triggerSummary.method}{' '}
            {run.triggerSummary.preview ?? `${run.triggerSummary.contentType ?? 'no body'} · ${run.triggerSummary.size} B`}
          </span>
        ) : null,
    },
    {
      key: 'failure',
      header: 'Failed step',
      hideBelow: 'md',
      className: 'sy-runs__col-failure',
      render: (run) => <FailedStep run={run} />,
    },
    {
      key: 'id',
      header: 'Run',
      align: 'end',
      width: '104px',
      hideBelow: 'sm',
      render: (run) => (
        <Link
          to={runPath(run.id)}
          className="sy-runs__id"
          aria-label={`Run ${run.id}, ${runStatusPresentation(run.status).label}`}
          title={run.id}
        >
          {shortId(run.id)}
        </Link>
      ),
    },
  ];
  // Selecting runs only serves bulk replay.
  const columns = canReplay ? allColumns : allColumns.filter((column) => column.key !== 'select');

  const searchError = runs.isError && runs.error instanceof ApiError && runs.error.status === 400 && filters.q.trim();
  const bulkFilter = apiRunFilters({ filters: { ...filters, q: '' }, now: Date.now(), workflowId });

  return (
    <Card
      id="runs"
      title={acrossWorkflows ? 'All runs' : 'Runs'}
      description={acrossWorkflows ? 'Every run of every workflow, newest first.' : 'Every run of this workflow, newest first.'}
      flush
      actions={
        <>
          <RunNowButton workflowId={workflowId ?? (filters.workflowId || undefined)} />
          <LiveIndicator live={runs.live} />
        </>
      }
    >
      <div className="sy-runs__toolbar">
        <div className="sy-runs__filters">
          {acrossWorkflows ? (
            <Select
              label="Workflow"
              hideLabel
              value={filters.workflowId}
              onChange={(value) => update({ workflowId: value })}
              options={[
                { value: '', label: 'All workflows' },
                ...(workflows.data ?? []).map((workflow) => ({ value: workflow.id, label: workflow.name })),
              ]}
            />
          ) : null}
          <Select
            label="Filter runs by status"
            hideLabel
            value={filters.status}
            onChange={(value) => update({ status: value as RunListFilters['status'] })}
            options={[
              { value: '', label: 'All statuses' },
              ...RUN_STATUSES.map((value) => ({ value, label: runStatusPresentation(value).label })),
            ]}
          />
          <Select
            label="Time range"
            hideLabel
            value={filters.range}
            onChange={(value) => update({ range: value as TimeRange })}
            options={TIME_RANGE_OPTIONS}
          />
          {filters.range === 'custom' ? (
            <span className="sy-runs__custom">
              <label className="sy-runs__custom-field">
                <span>From</span>
                <input
                  className="sy-input sy-runs__date"
                  type="datetime-local"
                  value={filters.since}
                  onChange={(event) => update({ since: event.target.value })}
                />
              </label>
              <label className="sy-runs__custom-field">
                <span>to</span>
                <input
                  className="sy-input sy-runs__date"
                  type="datetime-local"
                  value={filters.until}
                  onChange={(event) => update({ until: event.target.value })}
                />
              </label>
            </span>
          ) : null}
          <DeadLetterFilter checked={filters.deadLetter} onChange={(deadLetter) => update({ deadLetter })} />
        </div>
        <SearchBox value={filters.q} onSubmit={(q) => update({ q })} workflowId={workflowId} />
      </div>
      {canReplay ? (
        <BulkReplayBar
          selected={[...selected]}
          filter={bulkFilter}
          searchActive={Boolean(filters.q.trim())}
          onStarted={() => setSelected(new Set())}
        />
      ) : null}
      {runs.isPending ? (
        <LoadingState label="Loading runs…" />
      ) : searchError ? (
        <div className="sy-runs__error">
          <ErrorState title="This search could not be run" error={runs.error} />
          <p className="sy-runs__search-help">
            Search one field of the request with <code>=</code> and a JSON value, for example{' '}
            <code>body.customer.email = "ada@example.com"</code> or <code>query.page = 2</code>.
          </p>
        </div>
      ) : runs.isError && runs.runs.length === 0 ? (
        <div className="sy-runs__error">
          <ErrorState title="Could not load runs" error={runs.error} onRetry={() => void runs.refetch()} />
        </div>
      ) : runs.runs.length === 0 ? (
        <EmptyState
          icon="bolt"
          title={hasActiveFilters(filters) ? 'No runs match these filters' : 'No runs yet'}
          description={
            hasActiveFilters(filters)
              ? 'Try another status or time range, or clear the search.'
              : 'Send a request to a trigger URL and the run shows up here within seconds.'
          }
        />
      ) : (
        <div className="sy-runs__table">
          <Table
            caption={acrossWorkflows ? 'Runs of every workflow' : 'Runs of this workflow'}
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
        </div>
      )}
    </Card>
  );
}
