import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, type InboundRequest, type RequestVerdict, type RunTrigger } from '../../api';
import { formatDateTime } from '../../lib/format-date';
import {
  Badge,
  Button,
  Card,
  EmptyState,
  ErrorState,
  HelpTip,
  LoadingState,
  RelativeTime,
  Select,
  Table,
  type TableColumn,
} from '../../ui';
import { runPath } from '../runs/run-paths';
import { formatBytes, TriggerRequestDetails } from '../runs/TriggerRequestCard';
import { KNOWN_VERDICTS, verdictPresentation } from './request-verdict';
import { useRequestLog, useRunRequest } from './use-request-log';
import { useCan } from '../workspaces/use-role';
import './RequestLog.css';
import { JARGON } from '../../lib/jargon';

export function VerdictBadge({ verdict }: { verdict: string }) {
  const { label, tone, description } = verdictPresentation(verdict);
  return (
    <Badge tone={tone} title={description}>
      {label}
    </Badge>
  );
}

function StatusCode({ code }: { code: number | null }) {
  if (code === null) return <span className="sy-muted">—</span>;
  const tone = code >= 500 ? 'danger' : code >= 400 ? 'warning' : 'success';
  return (
    <span className={`sy-inbox__code sy-inbox__code--${tone}`} title={`We answered HTTP ${code}`}>
      {code}
    </span>
  );
}

export function toTriggerRequest(request: InboundRequest): RunTrigger {
  return {
    requestId: request.id,
    method: request.method,
    headers: request.trigger.headers ?? {},
    query: request.trigger.query ?? {},
    body: request.trigger.body,
    bodyEncoding: request.bodyEncoding,
    contentType: request.contentType,
    receivedAt: request.receivedAt,
    size: request.size,
    bodyUrl: `/api/requests/${encodeURIComponent(request.id)}/body`,
  };
}

function RunThisRequest({ workflowId, request, size = 'sm' }: { workflowId: string; request: InboundRequest; size?: 'sm' | 'md' }) {
  const navigate = useNavigate();
  const run = useRunRequest(workflowId);
  const canRun = useCan('run.replay');
  if (!canRun) return null;
  return (
    <>
      <Button
        size={size}
        icon="play"
        loading={run.isPending}
        aria-label={`Run request ${request.id}`}
        title="Run this request into the workflow as it is now"
        onClick={() => run.mutate(request.id, { onSuccess: (result) => navigate(runPath(result.runId)) })}
      >
        Run request
      </Button>
      {run.isError ? (
        <span className="sy-inbox__run-error" role="alert">
          {run.error instanceof ApiError && run.error.code === 'body_not_stored'
            ? 'Its body was never stored, so it cannot be run.'
            : run.error.message}
        </span>
      ) : null}
    </>
  );
}

/**
 * The request log ("Inbox") of a workflow: every request its trigger URL received, including those
 * that started no run, with what we decided, why, and the status we answered. Any can be run.
 */
export function RequestLog({ workflowId }: { workflowId: string }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const verdict = searchParams.get('verdict') ?? '';
  const selectedId = searchParams.get('request');
  // A verdict from the address is sent as it is: the api refuses one it does not know (400).
  const log = useRequestLog({ workflowId, verdict: (verdict || undefined) as RequestVerdict | undefined });
  const selected = log.requests.find((request) => request.id === selectedId) ?? log.requests[0] ?? null;

  function hrefFor(request: InboundRequest): string {
    const next = new URLSearchParams(searchParams);
    next.set('request', request.id);
    return `?${next.toString()}`;
  }

  const columns: TableColumn<InboundRequest>[] = [
    {
      key: 'received',
      header: 'Received',
      width: '160px',
      render: (request) => (
        <Link className="sy-inbox__when" to={hrefFor(request)} replace>
          {/* Named by the hidden text, the time shown beside it (axe: label-content-name-mismatch). */}
          <span className="sy-visually-hidden">{`Request ${request.id}, ${verdictPresentation(request.verdict).label}`}</span>
          <span aria-hidden="true">
            <span className="sy-inbox__method">{request.method}</span> <RelativeTime iso={request.receivedAt} />
          </span>
          <span className="sy-muted" aria-hidden="true">
            {formatDateTime({ iso: request.receivedAt })}
          </span>
        </Link>
      ),
    },
    {
      key: 'verdict',
      header: (
        <>
          Verdict <HelpTip label={JARGON.verdict.label}>{JARGON.verdict.text}</HelpTip>
        </>
      ),
      render: (request) => (
        <span className="sy-inbox__verdict">
          <VerdictBadge verdict={request.verdict} />
          <span className="sy-inbox__reason" title={request.reason ?? undefined}>
            {request.reason ?? verdictPresentation(request.verdict).description}
          </span>
        </span>
      ),
    },
    { key: 'status', header: 'Answered', align: 'end', width: '88px', render: (request) => <StatusCode code={request.statusCode} /> },
    {
      key: 'run',
      header: 'Run',
      align: 'end',
      width: '96px',
      hideBelow: 'sm',
      render: (request) =>
        request.runId ? (
          <Link className="sy-inbox__run" to={runPath(request.runId)} aria-label={`View run of request ${request.id}`}>
            View run
          </Link>
        ) : (
          <span className="sy-muted sy-inbox__no-run">No run</span>
        ),
    },
  ];

  return (
    <div className="sy-inbox">
      <Card
        id="inbox"
        title="Inbox"
        description="Every request the trigger URL received, newest first, including those that started no run."
        flush
        actions={
          <Select
            label="Filter requests by verdict"
            hideLabel
            value={verdict}
            onChange={(value) =>
              setSearchParams(
                (old) => {
                  const next = new URLSearchParams(old);
                  if (value) next.set('verdict', value);
                  else next.delete('verdict');
                  next.delete('request');
                  return next;
                },
                { replace: true },
              )
            }
            options={[
              { value: '', label: 'All verdicts' },
              ...KNOWN_VERDICTS.map((value) => ({ value, label: verdictPresentation(value).label })),
            ]}
          />
        }
      >
        {log.isPending ? (
          <LoadingState label="Loading requests…" />
        ) : log.isError && log.requests.length === 0 ? (
          <div className="sy-inbox__error">
            <ErrorState title="Could not load requests" error={log.error} onRetry={() => void log.refetch()} />
          </div>
        ) : log.requests.length === 0 ? (
          <EmptyState
            icon="inbox"
            title={verdict ? 'No request with this verdict' : 'No requests yet'}
            description={
              verdict ? 'Pick another verdict, or show them all.' : 'Requests sent to the trigger URL appear here the moment they arrive.'
            }
          />
        ) : (
          <Table
            caption="Requests received by this workflow"
            columns={columns}
            rows={log.requests}
            rowKey={(request) => request.id}
            rowHref={hrefFor}
            rowSelected={(request) => request.id === selected?.id}
            footer={
              log.hasNextPage ? (
                <Button size="sm" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
                  Load more
                </Button>
              ) : (
                <span className="sy-muted sy-inbox__end">
                  {log.requests.length === 1 ? '1 request' : `${log.requests.length} requests`} · end of log
                </span>
              )
            }
          />
        )}
      </Card>
      {selected ? (
        <Card
          id="inbox-request"
          className="sy-inbox__detail"
          title="Request"
          description={
            <span className="sy-inbox__detail-head">
              <VerdictBadge verdict={selected.verdict} />
              <span>
                answered <StatusCode code={selected.statusCode} />
              </span>
              <span className="sy-muted">{formatBytes(selected.size)}</span>
            </span>
          }
        >
          <div className="sy-inbox__detail-body">
            {selected.reason ? <p className="sy-inbox__detail-reason">{selected.reason}</p> : null}
            <TriggerRequestDetails
              trigger={toTriggerRequest(selected)}
              workflowId={workflowId}
              extra={<RunThisRequest workflowId={workflowId} request={selected} />}
            />
          </div>
        </Card>
      ) : null}
    </div>
  );
}
