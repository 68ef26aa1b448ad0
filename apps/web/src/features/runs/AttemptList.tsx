import type { StepRun } from '../../api';
import { formatDateTime } from '../../lib/format-date';
import { Badge } from '../../ui';

/** Why an attempt led to another: its error, and that it was retryable. */
function retryReason(attempt: NonNullable<StepRun['attemptLog']>[number], last: boolean): string {
  if (attempt.status === 'succeeded') return 'Succeeded';
  const what = attempt.error ? attempt.error.message : 'Failed';
  if (last) return what;
  return `${what} — retried${attempt.error?.retryable ? ' (a retryable error)' : ''}`;
}

/** Every attempt of a step that took more than one: when, the status the service answered, and why it was retried. */
export function AttemptList({ step }: { step: StepRun }) {
  const log = step.attemptLog ?? [];
  if (log.length < 2) return null;
  return (
    <div className="sy-step__attempts">
      <p className="sy-step__attempts-title">Attempts</p>
      <ol aria-label={`Attempts of ${step.id}`}>
        {log.map((attempt, i) => (
          <li key={`${attempt.startedAt}-${i}`}>
            <span className="sy-step__attempt-number">#{i + 1}</span>{' '}
            <time dateTime={attempt.startedAt}>{formatDateTime({ iso: attempt.startedAt })}</time>{' '}
            <Badge tone={attempt.status === 'succeeded' ? 'success' : 'danger'}>
              {attempt.httpStatus !== undefined ? `HTTP ${attempt.httpStatus}` : attempt.status}
            </Badge>{' '}
            <span className="sy-muted">{retryReason(attempt, i === log.length - 1)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
