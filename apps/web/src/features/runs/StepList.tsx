import type { StepRun } from '../../api';
import { elapsedMs, formatDuration } from '../../lib/format-duration';
import { summariseError } from '../../lib/error-summary';
import { hasContent } from '../../lib/pretty-json';
import { Badge, Card, CodeBlock, EmptyState } from '../../ui';
import { StepStatusBadge } from './StatusBadge';
import './StepList.css';

function StepItem({ step, index, now }: { step: StepRun; index: number; now: number }) {
  const ms = elapsedMs({ durationMs: step.durationMs, startedAt: step.startedAt, finishedAt: step.finishedAt, now });
  const failed = step.status === 'failed';
  const errorMessage = summariseError(step.error).message;
  return (
    <li id={`step-${step.id}`} className={`sy-step sy-step--${step.status}`} aria-labelledby={`step-${index}-title`}>
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
          </div>
          <dl className="sy-step__facts">
            <div>
              <dt>Attempts</dt>
              <dd>{step.attempts ?? 0}</dd>
            </div>
            <div>
              <dt>Duration</dt>
              <dd>{formatDuration(ms)}</dd>
            </div>
          </dl>
        </div>
        {errorMessage ? <p className="sy-step__error-message">{errorMessage}</p> : null}
        {hasContent(step.error) ? <CodeBlock label="Error" value={step.error} tone="danger" /> : null}
        {step.output !== undefined && step.output !== null ? (
          <CodeBlock label="Output" value={step.output} />
        ) : !failed && step.status !== 'skipped' && step.status !== 'pending' ? (
          <p className="sy-step__note">No output.</p>
        ) : null}
        {hasContent(step.input) ? (
          <details className="sy-step__input">
            <summary>Input</summary>
            <CodeBlock label="Input" value={step.input} />
          </details>
        ) : null}
      </div>
    </li>
  );
}

export function StepList({ steps, now }: { steps: StepRun[]; now: number }) {
  return (
    <Card id="steps" title="Steps" description="What each step received and produced, in order." flush>
      {steps.length === 0 ? (
        <EmptyState icon="workflow" title="No steps ran yet" description="Steps appear here as the worker runs them." />
      ) : (
        <ol className="sy-steps">
          {steps.map((step, index) => (
            <StepItem key={`${step.id}-${index}`} step={step} index={index} now={now} />
          ))}
        </ol>
      )}
    </Card>
  );
}
