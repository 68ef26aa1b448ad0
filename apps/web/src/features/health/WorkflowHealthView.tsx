import type { WorkflowHealth } from '../../api';
import { Badge, Card, DescriptionList, ErrorState, LoadingState, RelativeTime } from '../../ui';
import { runStatusPresentation } from '../runs/run-status';
import { layoutHealthChart, totals } from './health-chart';
import { useWorkflowHealth } from './use-workflow-health';
import './WorkflowHealthView.css';

const WIDTH = 840;
const HEIGHT = 160;
const ALERT_LABEL = { quiet: 'Quiet workflow', refused_spike: 'Refused requests spike' } as const;

/** Requests per hour by verdict over the last 7 days as a stacked bar chart (SVG), with its totals as text. */
function RequestsChart({ health }: { health: WorkflowHealth }) {
  const chart = layoutHealthChart({ hours: health.hours, width: WIDTH, height: HEIGHT });
  const sum = totals(health.hours);
  const summary = `${sum.accepted} accepted, ${sum.refused} refused, ${sum.other} other requests in the last ${health.hours.length / 24} days; busiest hour ${chart.max}`;
  return (
    <figure className="sy-health__figure">
      <svg
        className="sy-health__chart"
        viewBox={`0 -4 ${WIDTH} ${HEIGHT + 24}`}
        role="img"
        aria-label={summary}
        data-testid="requests-chart"
        preserveAspectRatio="none"
      >
        <line x1={0} x2={WIDTH} y1={HEIGHT} y2={HEIGHT} className="sy-health__axis" />
        {chart.bars.map((bar) =>
          bar.segments.map((s) => (
            <rect
              key={`${bar.hour}-${s.kind}`}
              className={`sy-health__bar sy-health__bar--${s.kind}`}
              data-kind={s.kind}
              data-count={s.count}
              data-hour={bar.hour}
              x={bar.x}
              y={s.y}
              width={bar.width}
              height={s.height}
            >
              <title>{`${new Date(bar.hour).toLocaleString()}: ${s.count} ${s.kind}`}</title>
            </rect>
          )),
        )}
        {chart.ticks.map((t) => (
          <text key={t.x} x={t.x} y={HEIGHT + 16} className="sy-health__tick">
            {t.label}
          </text>
        ))}
      </svg>
      <figcaption className="sy-health__legend">
        <span className="sy-health__key sy-health__key--accepted">Accepted {sum.accepted}</span>
        <span className="sy-health__key sy-health__key--refused">Refused {sum.refused}</span>
        <span className="sy-health__key sy-health__key--other">Other {sum.other}</span>
        <span className="sy-health__scale">Busiest hour: {chart.max}</span>
      </figcaption>
    </figure>
  );
}

/** The Health tab of a workflow: requests per hour by verdict, runs by status, the last success, alerts. */
export function WorkflowHealthView({ workflowId }: { workflowId: string }) {
  const query = useWorkflowHealth(workflowId);
  if (query.isPending) return <LoadingState label="Loading health…" />;
  if (query.isError)
    return <ErrorState title="Could not load the health of this workflow" error={query.error} onRetry={() => query.refetch()} />;
  const health = query.data;
  const runs = Object.entries(health.runs).sort(([, a], [, b]) => (b ?? 0) - (a ?? 0));
  return (
    <div className="sy-health">
      <Card
        id="health-requests"
        title="Requests per hour, last 7 days"
        description="Accepted requests start runs; refused ones were turned away (bad signature, address, size, rate)."
      >
        <RequestsChart health={health} />
      </Card>
      <div className="sy-health__row">
        <Card id="health-runs" title="Runs, last 7 days">
          {runs.length === 0 ? (
            <p className="sy-health__empty">No runs in the last 7 days.</p>
          ) : (
            <ul className="sy-health__statuses" aria-label="Runs by status">
              {runs.map(([status, count]) => {
                const p = runStatusPresentation(status);
                return (
                  <li key={status}>
                    <Badge tone={p.tone}>{p.label}</Badge> <strong>{count}</strong>
                  </li>
                );
              })}
            </ul>
          )}
        </Card>
        <Card id="health-last" title="Last activity">
          <DescriptionList
            items={[
              { label: 'Last success', value: health.lastSuccessAt ? <RelativeTime iso={health.lastSuccessAt} /> : 'Never' },
              { label: 'Last accepted request', value: health.lastAcceptedAt ? <RelativeTime iso={health.lastAcceptedAt} /> : 'Never' },
              ...health.alerts.map((a) => ({
                label: ALERT_LABEL[a.kind],
                value: a.activeSince ? (
                  <Badge tone="danger">Alerting</Badge>
                ) : a.lastSentAt ? (
                  <span>
                    Last alert <RelativeTime iso={a.lastSentAt} />
                  </span>
                ) : (
                  'Never fired'
                ),
              })),
            ]}
          />
        </Card>
      </div>
    </div>
  );
}
