import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { getRefusedCount } from '../../api';
import { Badge } from '../../ui';

/** "3 requests refused in the last 24 h", linking to them on the Runs page's requests view. */
export function RefusedRequestsNote({ workflowId }: { workflowId: string }) {
  const refused = useQuery({
    queryKey: ['requests', 'refused', workflowId],
    queryFn: ({ signal }) => getRefusedCount({ workflowId, signal }),
    refetchInterval: 30_000,
  });
  const count = refused.data?.count;
  if (count === undefined) return null;
  return (
    <p className="sy-refused-note" aria-label="Refused requests in the last 24 hours">
      <Badge tone={count > 0 ? 'warning' : 'neutral'}>{count}</Badge> {count === 1 ? 'request' : 'requests'} refused in the last 24 h{' '}
      {count > 0 ? <Link to={`/runs?view=requests&refused=true&workflowId=${workflowId}`}>See why</Link> : null}
    </p>
  );
}
