import { Link } from 'react-router';
import type { Run } from '../../../api';
import { Card, CopyButton, RelativeTime } from '../../../ui';
import { runPath } from '../run-paths';
import { RunStatusBadge } from '../StatusBadge';

const OUTCOME_TEXT: Record<string, string> = {
  approved: 'Approved',
  rejected: 'Rejected',
  resumed: 'Resumed by its callback',
  timed_out: 'Timed out',
};

type Wait = NonNullable<Run['waits']>[number];

function OpenWait({ wait }: { wait: Wait }) {
  const approval = wait.mode === 'approval';
  return (
    <div className="sy-run-links__wait" role="status">
      <p className="sy-run-links__title">
        <strong>{approval ? 'Waiting for approval' : 'Waiting for a callback'}</strong> at step <code>{wait.stepId}</code>, until{' '}
        <RelativeTime iso={wait.timeoutAt} />.
      </p>
      {wait.url ? (
        <p className="sy-run-links__url">
          {approval ? (
            <a href={wait.url} target="_blank" rel="noreferrer">
              Open the approval page
            </a>
          ) : (
            <code>POST {wait.url}</code>
          )}{' '}
          <CopyButton text={wait.url} label={approval ? 'Copy the approval link' : 'Copy the resume URL'}>
            Copy link
          </CopyButton>
        </p>
      ) : null}
    </div>
  );
}

/** A run's waits (open ones with their one-time link), the run that started it and the runs it started. */
export function RunLinksCard({ run }: { run: Pick<Run, 'waits' | 'parentRun' | 'childRuns' | 'status'> }) {
  const waits = run.waits ?? [];
  const children = run.childRuns ?? [];
  const open = run.status === 'waiting' ? waits.filter((w) => w.resolvedAt === null) : [];
  const done = waits.filter((w) => w.resolvedAt !== null);
  if (waits.length === 0 && !run.parentRun && children.length === 0) return null;
  return (
    <Card id="run-links" title={open.length > 0 ? 'Waiting' : 'Waits and linked runs'}>
      {open.map((wait) => (
        <OpenWait key={wait.stepId} wait={wait} />
      ))}
      {done.length > 0 ? (
        <ul className="sy-run__replays" aria-label="Waits that ended">
          {done.map((wait) => (
            <li key={wait.stepId}>
              <code>{wait.stepId}</code>: {OUTCOME_TEXT[wait.outcome ?? ''] ?? wait.outcome}
              {wait.decidedBy ? ` by ${wait.decidedBy}` : ''} <RelativeTime iso={wait.resolvedAt!} />
            </li>
          ))}
        </ul>
      ) : null}
      {run.parentRun ? (
        <p>
          {run.parentRun.kind === 'error' ? 'Error workflow run for the failed run ' : 'Called by run '}
          <Link className="sy-run__link" to={runPath(run.parentRun.id)}>
            {run.parentRun.id.slice(0, 8)}…
          </Link>
          {run.parentRun.stepId ? (
            <>
              {' '}
              (step <code>{run.parentRun.stepId}</code>)
            </>
          ) : null}
        </p>
      ) : null}
      {children.length > 0 ? (
        <ul className="sy-run__replays" aria-label="Runs this run started">
          {children.map((child) => (
            <li key={child.id}>
              Step <code>{child.stepId}</code> started{' '}
              <Link className="sy-run__link" to={runPath(child.id)}>
                {child.id.slice(0, 8)}…
              </Link>{' '}
              <RunStatusBadge status={child.status} />
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
