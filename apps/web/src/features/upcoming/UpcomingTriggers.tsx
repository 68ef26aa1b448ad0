import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { listUpcomingTriggers } from '../../api';
import { formatDateTime } from '../../lib/format-date';
import { Card, EmptyState, ErrorState, LoadingState } from '../../ui';
import { describeCron } from '../builder/triggers/kits/schedule/describe-cron';
import { workflowPath } from '../workflows/workflow-paths';

/** Upcoming: what fires next across the workspace (schedules and polls), soonest first. */
export function UpcomingTriggers() {
  const upcoming = useQuery({
    queryKey: ['triggers', 'upcoming'],
    queryFn: ({ signal }) => listUpcomingTriggers({ signal }),
    refetchInterval: 30_000,
  });
  return (
    <Card id="upcoming" title="Upcoming" description="Schedules and polls of every workflow that is on, soonest first.">
      {upcoming.isPending ? (
        <LoadingState label="Loading what fires next" />
      ) : upcoming.isError ? (
        <ErrorState title="Could not load what fires next" error={upcoming.error} />
      ) : upcoming.data.items.length === 0 ? (
        <EmptyState title="Nothing scheduled" description="Workflows with a schedule or polling trigger that are on appear here." />
      ) : (
        <ul className="sy-upcoming" aria-label="Upcoming firings">
          {upcoming.data.items.map((item) => (
            <li key={item.workflowId}>
              <Link to={workflowPath(item.workflowId)}>{item.workflowName}</Link>{' '}
              <span className="sy-muted">
                {item.type === 'schedule' && item.cron
                  ? `${describeCron(item.cron)} (${item.timezone})`
                  : `Polls every ${item.intervalMinutes} min`}
              </span>
              : next <time dateTime={item.nextAt}>{formatDateTime({ iso: item.nextAt })}</time>
              {item.lastError ? <span className="sy-field__errors"> Last poll failed: {item.lastError}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
