import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { listWorkflowRuns, queryKeys } from '../../../api';
import { Card, RelativeTime } from '../../../ui';
import { runPath } from '../../runs/run-paths';
import { RunStatusBadge } from '../../runs/StatusBadge';
import { workflowPath } from '../../workflows/workflow-paths';

/** The latest runs of the workflow, refreshed live by the page's event stream. */
export function RecentRunsPanel({ workflowId }: { workflowId: string }) {
  const runs = useQuery({
    queryKey: [...queryKeys.workflowRuns(workflowId), 'recent'] as const,
    queryFn: ({ signal }) => listWorkflowRuns({ workflowId, limit: 5, signal }),
    refetchInterval: 5000,
  });
  const items = runs.data?.items ?? [];
  return (
    <Card
      id="recent-runs"
      title="Recent runs"
      flush
      actions={
        <Link to={`${workflowPath(workflowId)}#runs`} className="sy-recent-runs__all">
          All runs
        </Link>
      }
    >
      {items.length === 0 ? (
        <p className="sy-recent-runs__empty sy-muted">No runs yet. Turn the workflow on and send a request to its URL.</p>
      ) : (
        <ul className="sy-recent-runs">
          {items.map((run) => (
            <li key={run.id}>
              {/* Named by its visible text (WCAG 2.5.3), the run id in front for screen readers. */}
              <Link to={runPath(run.id)} className="sy-recent-runs__row">
                <span className="sy-visually-hidden">Run {run.id}, </span>
                <RunStatusBadge status={run.status} />
                <RelativeTime iso={run.startedAt ?? run.createdAt} />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
