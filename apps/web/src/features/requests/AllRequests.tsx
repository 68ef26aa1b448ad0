import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { listAllRequests, type WorkspaceRequest } from '../../api';
import { Button, Card, EmptyState, ErrorState, HelpTip, LoadingState, RelativeTime, Table, type TableColumn } from '../../ui';
import { runPath } from '../runs/run-paths';
import { useWorkflows } from '../workflows/use-workflows';
import { workflowPath } from '../workflows/workflow-paths';
import { VerdictBadge } from './RequestLog';
import { JARGON } from '../../lib/jargon';

const PAGE_SIZE = 25;

/**
 * The Runs page's "Requests" view: every request of every workflow (or one, `?workflowId=`), with
 * its verdict, the reason and the status we answered, and its run; `?refused=true` keeps the refused.
 */
export function AllRequests() {
  const [params, setParams] = useSearchParams();
  const workflowId = params.get('workflowId') ?? undefined;
  const refused = params.get('refused') === 'true';
  const workflows = useWorkflows();
  const names = new Map((workflows.data ?? []).map((w) => [w.id, w.name]));
  const query = useInfiniteQuery({
    queryKey: ['requests', 'all', workflowId ?? null, refused],
    queryFn: ({ pageParam, signal }) =>
      listAllRequests({ workflowId, refused: refused ? 'true' : undefined, limit: PAGE_SIZE, cursor: pageParam, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 5000,
  });
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];

  const columns: TableColumn<WorkspaceRequest>[] = [
    { key: 'received', header: 'Received', render: (r) => <RelativeTime iso={r.receivedAt} /> },
    {
      key: 'workflow',
      header: 'Workflow',
      render: (r) => <Link to={workflowPath(r.workflowId)}>{names.get(r.workflowId) ?? r.workflowId.slice(0, 8)}</Link>,
    },
    {
      key: 'verdict',
      header: (
        <>
          Verdict <HelpTip label={JARGON.verdict.label}>{JARGON.verdict.text}</HelpTip>
        </>
      ),
      render: (r) => <VerdictBadge verdict={r.verdict} />,
    },
    { key: 'reason', header: 'Reason', render: (r) => r.reason ?? <span className="sy-muted">—</span> },
    { key: 'status', header: 'We answered', render: (r) => <code title={`We answered HTTP ${r.statusCode}`}>{r.statusCode}</code> },
    {
      key: 'run',
      header: 'Run',
      render: (r) => (r.runId ? <Link to={runPath(r.runId)}>{r.runId.slice(0, 8)}…</Link> : <span className="sy-muted">none</span>),
    },
  ];

  function setFilter(patch: Record<string, string | null>) {
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        for (const [key, value] of Object.entries(patch)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  }

  return (
    <Card title="Requests">
      <div className="sy-all-requests__toolbar">
        <label>
          <input type="checkbox" checked={refused} onChange={(event) => setFilter({ refused: event.target.checked ? 'true' : null })} />{' '}
          Refused only
        </label>
        {workflowId ? (
          <Button size="sm" variant="ghost" onClick={() => setFilter({ workflowId: null })}>
            All workflows
          </Button>
        ) : null}
      </div>
      {query.isPending ? (
        <LoadingState label="Loading requests…" />
      ) : query.isError ? (
        <ErrorState title="Could not load the requests" error={query.error} onRetry={() => void query.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState
          icon="inbox"
          title={refused ? 'No refused request' : 'No request yet'}
          description="Requests sent to a trigger URL appear here, run or not."
        />
      ) : (
        <Table
          caption="Requests of every workflow"
          columns={columns}
          rows={rows}
          rowKey={(r) => r.id}
          footer={
            query.hasNextPage ? (
              <Button size="sm" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
                Load more
              </Button>
            ) : null
          }
        />
      )}
    </Card>
  );
}
