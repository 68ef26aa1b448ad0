import { Link } from 'react-router';
import type { WorkflowListItem } from '../../api';
import { RelativeTime } from '../../ui';
import { runPath } from '../runs/run-paths';
import { RunStatusBadge } from '../runs/StatusBadge';
import { useRunStats } from './use-run-stats';

export function LastRunCell({ workflow }: { workflow: WorkflowListItem }) {
  const { stats } = useRunStats(workflow);
  if (!stats) return <span className="sy-muted">…</span>;
  if (!stats.lastRun) return <span className="sy-muted">No runs yet</span>;
  return (
    <Link to={runPath(stats.lastRun.id)} className="sy-workflows__last-run">
      {/* Named by the hidden text (axe: a visible text differing from an aria-label confuses voice control). */}
      <span className="sy-visually-hidden">{`Last run of ${workflow.name}: ${stats.lastRun.status}`}</span>
      <span aria-hidden="true" className="sy-workflows__last-run-shown">
        <RunStatusBadge status={stats.lastRun.status} />
        <RelativeTime iso={stats.lastRun.createdAt} />
      </span>
    </Link>
  );
}

export function Runs24hCell({ workflow }: { workflow: WorkflowListItem }) {
  const { stats } = useRunStats(workflow);
  if (!stats) return <span className="sy-muted">…</span>;
  return (
    <span className="sy-workflows__count" title="Runs in the last 24 hours">
      {stats.runs24h}
      {stats.capped ? '+' : ''}
    </span>
  );
}
