import { useState } from 'react';
import type { ReplayOptions, RunFilters } from '../../api';
import { Button, Dialog, ErrorState, HelpTip, Select } from '../../ui';
import { JARGON } from '../../lib/jargon';
import { useBulkProgress, useBulkReplay, type BulkReplayTarget } from './use-bulk-replay';

type Pending = { kind: 'selected'; runIds: string[] } | { kind: 'filter' };

function ProgressPanel({ runIds, onDismiss }: { runIds: string[]; onDismiss: () => void }) {
  const progress = useBulkProgress(runIds);
  if (!progress) return null;
  const { total, finished, byStatus, done } = progress;
  const parts = Object.entries(byStatus)
    .filter(([, count]) => count)
    .map(([status, count]) => `${count} ${status}`);
  return (
    <div className="sy-bulk__progress" role="status" aria-label="Bulk replay progress">
      <div className="sy-bulk__progress-text">
        <strong>
          {done ? `Replayed ${total} ${total === 1 ? 'run' : 'runs'}` : `Replaying ${total} ${total === 1 ? 'run' : 'runs'}…`}
        </strong>
        <span className="sy-muted">
          {finished} of {total} finished · {parts.join(' · ')}
        </span>
      </div>
      <progress
        className="sy-bulk__bar"
        max={Math.max(total, 1)}
        value={finished}
        aria-label={`${finished} of ${total} replays finished`}
      />
      {done ? (
        <Button size="sm" variant="ghost" onClick={onDismiss}>
          Dismiss
        </Button>
      ) : null}
    </div>
  );
}

/**
 * Replays the failed runs picked with the checkboxes, or every failed run matching the list's
 * filter (status aside), and follows the new runs to the end with a progress bar.
 */
export function BulkReplayBar({
  selected,
  filter,
  searchActive,
  onStarted,
}: {
  selected: string[];
  filter: RunFilters;
  searchActive: boolean;
  onStarted: () => void;
}) {
  const replay = useBulkReplay();
  const [pending, setPending] = useState<Pending | null>(null);
  const [options, setOptions] = useState<ReplayOptions>({ from: 'failed-step', version: 'current', freshIdempotencyKeys: false });
  const [includeResolved, setIncludeResolved] = useState(false);
  const [started, setStarted] = useState<string[] | null>(null);
  const [emptyNote, setEmptyNote] = useState(false);

  async function confirm() {
    if (!pending) return;
    const { workflowId, since, until, q } = filter;
    const target: BulkReplayTarget =
      pending.kind === 'selected'
        ? { runIds: pending.runIds }
        : { filter: { workflowId, since, until, status: 'failed', ...(q ? { q } : {}), ...(includeResolved ? { includeResolved } : {}) } };
    const result = await replay.mutateAsync({ ...options, target });
    setPending(null);
    onStarted();
    setEmptyNote(result.count === 0);
    setStarted(result.count > 0 ? result.runIds : null);
  }

  return (
    <>
      <div className="sy-bulk">
        <span className="sy-bulk__hint sy-muted">
          {selected.length > 0
            ? `${selected.length} failed ${selected.length === 1 ? 'run' : 'runs'} selected`
            : 'Tick failed runs to replay them together.'}
        </span>
        <div className="sy-bulk__actions">
          <Button
            size="sm"
            icon="replay"
            disabled={selected.length === 0}
            onClick={() => setPending({ kind: 'selected', runIds: selected })}
          >
            {selected.length > 0 ? `Replay ${selected.length} selected` : 'Replay selected'}
          </Button>
          <Button size="sm" icon="replay" onClick={() => setPending({ kind: 'filter' })}>
            {searchActive ? 'Replay all failed matching the filter and search' : 'Replay all failed matching the filter'}
          </Button>
        </div>
      </div>
      {emptyNote ? <p className="sy-bulk__note sy-muted">No failed run matched: nothing was replayed.</p> : null}
      {started ? <ProgressPanel runIds={started} onDismiss={() => setStarted(null)} /> : null}
      <Dialog
        open={pending !== null}
        title={
          pending?.kind === 'selected'
            ? `Replay ${pending.runIds.length} failed ${pending.runIds.length === 1 ? 'run' : 'runs'}`
            : 'Replay every failed run matching the filter'
        }
        onClose={() => setPending(null)}
        actions={
          <>
            <Button onClick={() => setPending(null)}>Cancel</Button>
            <Button variant="primary" icon="replay" loading={replay.isPending} onClick={() => void confirm().catch(() => undefined)}>
              Start replay
            </Button>
          </>
        }
      >
        <div className="sy-bulk__options">
          <p>
            {pending?.kind === 'filter'
              ? 'Every failed run in the chosen workflow and time range is replayed (at most 1,000 at once), except those a replay already resolved.'
              : 'Each run starts again from the request that triggered it.'}
          </p>
          <Select
            label="Start from"
            value={options.from}
            onChange={(value) => setOptions((old) => ({ ...old, from: value as ReplayOptions['from'] }))}
            options={[
              { value: 'failed-step', label: 'The failed step (completed steps are not repeated)' },
              { value: 'start', label: 'The start (every step runs again)' },
            ]}
          />
          <Select
            label="Workflow version"
            value={options.version}
            onChange={(value) => setOptions((old) => ({ ...old, version: value as ReplayOptions['version'] }))}
            options={[
              { value: 'current', label: 'Current version (with your fixes)' },
              { value: 'original', label: 'The version each run used' },
            ]}
          />
          {pending?.kind === 'filter' ? (
            <label className="sy-bulk__check">
              <input type="checkbox" checked={includeResolved} onChange={(event) => setIncludeResolved(event.target.checked)} />
              <span>Also replay runs already resolved by a replay (their calls are sent again, with the same idempotency keys)</span>
            </label>
          ) : null}
          {pending?.kind === 'filter' ? <HelpTip label={JARGON.idempotencyKey.label}>{JARGON.idempotencyKey.text}</HelpTip> : null}
          <label className="sy-bulk__check">
            <input
              type="checkbox"
              checked={options.freshIdempotencyKeys}
              onChange={(event) => setOptions((old) => ({ ...old, freshIdempotencyKeys: event.target.checked }))}
            />
            <span>Use fresh idempotency keys (receivers apply the calls again)</span>
          </label>
          {replay.isError ? <ErrorState title="Could not start the replay" error={replay.error} /> : null}
        </div>
      </Dialog>
    </>
  );
}
