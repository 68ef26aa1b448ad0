import { useState } from 'react';
import type { Run, StepRun } from '../../api';
import { elapsedMs, formatDuration } from '../../lib/format-duration';
import { hasContent } from '../../lib/pretty-json';
import { Badge, Button, Card, EmptyState, ErrorState, JsonViewer } from '../../ui';
import { ErrorExplanation } from './ErrorExplanation';
import { StepStatusBadge } from './StatusBadge';
import { useStepOutput } from './use-step-output';
import './StepList.css';

/** Where a step sits on the run's time line, in percent; null for steps that did not run in this run. */
export function timelineSpan(params: { step: StepRun; runStart: number | null; runEnd: number }): { left: number; width: number } | null {
  const { step, runStart, runEnd } = params;
  if (!runStart || !step.startedAt || step.attempts === 0) return null;
  const start = Date.parse(step.startedAt);
  const end = step.finishedAt ? Date.parse(step.finishedAt) : runEnd;
  const total = Math.max(runEnd - runStart, 1);
  if (Number.isNaN(start) || Number.isNaN(end) || start < runStart - 1000) return null;
  const left = Math.min(Math.max(((start - runStart) / total) * 100, 0), 100);
  const width = Math.max(Math.min(((end - start) / total) * 100, 100 - left), 0.8);
  return { left, width };
}

function StepOutput({ runId, step }: { runId: string; step: StepRun }) {
  const [load, setLoad] = useState(false);
  const full = useStepOutput({ runId, stepId: step.id, enabled: load });
  if (step.outputTruncated) {
    if (full.data !== undefined) return <JsonViewer label="Output" value={full.data} rootPath={`steps.${step.id}`} defaultExpandDepth={1} />;
    return (
      <div className="sy-step__large">
        <p>The output is too large to show at once (over 1 MB). It is stored in full.</p>
        <Button size="sm" onClick={() => setLoad(true)} loading={full.isFetching}>
          Load full output
        </Button>
        {full.isError ? <ErrorState title="Could not load the output" error={full.error} /> : null}
      </div>
    );
  }
  if (step.output === undefined || step.output === null) return null;
  return <JsonViewer label="Output" value={step.output} rootPath={`steps.${step.id}`} />;
}

function StepItem({ runId, step, index, now, span }: { runId: string; step: StepRun; index: number; now: number; span: { left: number; width: number } | null }) {
  const ms = elapsedMs({ durationMs: step.durationMs, startedAt: step.startedAt, finishedAt: step.finishedAt, now });
  const failed = step.status === 'failed';
  const reused = step.attempts === 0 && step.status === 'succeeded';
  const ran = step.status !== 'skipped' && step.status !== 'pending';
  return (
    <li id={`step-${step.id}`} className={`sy-step sy-step--${step.status}${reused ? ' sy-step--reused' : ''}`} aria-labelledby={`step-${index}-title`}>
      <div className="sy-step__marker" aria-hidden="true">
        {index + 1}
      </div>
      <div className="sy-step__content">
        <div className="sy-step__header">
          <div className="sy-step__title">
            <h3 id={`step-${index}-title`} className="sy-step__id">
              {step.id}
            </h3>
            {step.name ? <span className="sy-step__name">{step.name}</span> : null}
            <Badge tone="accent">{step.type}</Badge>
            <StepStatusBadge status={step.status} />
            {reused ? (
              <span title="This step succeeded in the replayed run; its output was reused and it was not executed again.">
                <Badge tone="neutral">Reused</Badge>
              </span>
            ) : null}
          </div>
          {ran ? (
            <dl className="sy-step__facts">
              <div>
                <dt>Attempts</dt>
                <dd>{reused ? '0 (reused)' : (step.attempts ?? 0)}</dd>
              </div>
              <div>
                <dt>Duration</dt>
                <dd>{formatDuration(ms)}</dd>
              </div>
            </dl>
          ) : null}
        </div>
        {span ? (
          <div className="sy-step__timeline" aria-hidden="true">
            <span className="sy-step__timeline-bar" style={{ left: `${span.left}%`, width: `${span.width}%` }} />
          </div>
        ) : null}
        {reused ? <p className="sy-step__note">Not executed again: output reused from the replayed run.</p> : null}
        {failed && hasContent(step.error) ? (
          <div className="sy-step__error">
            <ErrorExplanation error={step.error} compact />
            <JsonViewer label="Error details" value={step.error} rootPath="" tone="danger" defaultExpandDepth={1} maxHeight={280} />
          </div>
        ) : null}
        <StepOutput runId={runId} step={step} />
        {!failed && ran && !step.outputTruncated && (step.output === undefined || step.output === null) ? <p className="sy-step__note">No output.</p> : null}
        {step.status === 'skipped' ? <p className="sy-step__note">Not reached: an earlier step stopped the run.</p> : null}
        {hasContent(step.input) ? (
          <details className="sy-step__input">
            <summary>Input</summary>
            <JsonViewer label="Input" value={step.input} defaultExpandDepth={1} />
          </details>
        ) : null}
      </div>
    </li>
  );
}

/** The steps of a run as a time line: status, attempts, duration and where each ran in the run's span. */
export function StepList({ run, now }: { run: Run; now: number }) {
  const steps = run.steps ?? [];
  const runStart = run.startedAt ? Date.parse(run.startedAt) : null;
  const runEnd = run.finishedAt ? Date.parse(run.finishedAt) : now;
  return (
    <Card id="steps" title="Steps" description="What each step received and produced, in order." flush>
      {steps.length === 0 ? (
        <EmptyState icon="workflow" title="No steps ran yet" description="Steps appear here as the worker runs them." />
      ) : (
        <ol className="sy-steps">
          {steps.map((step, index) => (
            <StepItem
              key={`${step.id}-${index}`}
              runId={run.id}
              step={step}
              index={index}
              now={now}
              span={timelineSpan({ step, runStart, runEnd })}
            />
          ))}
        </ol>
      )}
    </Card>
  );
}
