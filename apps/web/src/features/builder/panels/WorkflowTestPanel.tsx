import { summariseError } from '../../../lib/error-summary';
import { formatDuration } from '../../../lib/format-duration';
import { Badge, Card } from '../../../ui';
import { RunStatusBadge } from '../../runs/StatusBadge';
import { useBuilderContext, useBuilderState } from '../builder-context';

const STEP_TONES = { succeeded: 'success', failed: 'danger', filtered: 'accent', skipped: 'neutral', pending: 'neutral' } as const;

/** The result of "Test workflow": the overall outcome and one line per step, linking to its card. */
export function WorkflowTestPanel() {
  const { store } = useBuilderContext();
  const result = useBuilderState((state) => state.workflowTest);
  const steps = useBuilderState((state) => state.draft.steps);
  if (!result) return null;
  const message = summariseError(result.error).message;
  return (
    <Card
      id="workflow-test"
      title="Test workflow"
      description="Every step run once on the sample; nothing was recorded."
      actions={<RunStatusBadge status={result.status} />}
    >
      {message ? <p className="sy-field__errors">{message}</p> : null}
      <ol className="sy-test-steps">
        {(result.steps ?? []).map((step) => {
          const entry = steps.find((candidate) => candidate.step.id === step.id);
          const stepMessage = summariseError(step.error).message;
          return (
            <li key={step.id} className="sy-test-steps__item">
              <button
                type="button"
                className="sy-test-steps__link"
                onClick={() => entry && store.dispatch({ type: 'select', key: entry.key })}
                disabled={!entry}
              >
                <code>{step.id}</code>
              </button>
              <Badge tone={STEP_TONES[step.status as keyof typeof STEP_TONES] ?? 'neutral'}>{step.status}</Badge>
              <span className="sy-muted">{typeof step.durationMs === 'number' ? formatDuration(step.durationMs) : ''}</span>
              {stepMessage ? <span className="sy-test-steps__error">{stepMessage}</span> : null}
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
