import { Link } from 'react-router';
import type { Run } from '../../../api';
import { Card } from '../../../ui';
import { runPath } from '../run-paths';
import { RunStatusBadge } from '../StatusBadge';

/** The replays of a run, with their status, linking to each. */
export function ReplaysCard({ run }: { run: Pick<Run, 'replays' | 'idempotencyRoot' | 'id'> }) {
  if (run.replays.length === 0) return null;
  return (
    <Card id="run-replays" title={`Replays (${run.replays.length})`}>
      <ul className="sy-run__replays" aria-label="Replays of this run">
        {run.replays.map((replay) => (
          <li key={replay.id}>
            <Link className="sy-run__link" to={runPath(replay.id)}>
              {replay.id.slice(0, 8)}…
            </Link>{' '}
            <RunStatusBadge status={replay.status} />
          </li>
        ))}
      </ul>
    </Card>
  );
}
