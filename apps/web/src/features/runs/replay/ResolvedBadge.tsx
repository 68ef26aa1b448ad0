import './replay.css';
import { Link } from 'react-router';
import type { RunSummary } from '../../../api';
import { Badge } from '../../../ui';
import { runPath } from '../run-paths';

/** "Resolved by replay …" on a failed run whose replay succeeded, linking to that replay. */
export function ResolvedBadge({ run, link = true }: { run: Pick<RunSummary, 'resolvedBy'>; link?: boolean }) {
  if (!run.resolvedBy) return null;
  const short = run.resolvedBy.slice(0, 8);
  const badge = (
    <Badge tone="success" title={`A replay of this run succeeded: run ${run.resolvedBy}`}>
      Resolved by replay {short}…
    </Badge>
  );
  return link ? (
    <Link className="sy-run__resolved" to={runPath(run.resolvedBy)} aria-label={`Resolved by replay ${short}`}>
      {badge}
    </Link>
  ) : (
    badge
  );
}
