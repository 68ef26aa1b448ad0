import { useEffect, useRef } from 'react';
import { summariseError } from '../../../lib/error-summary';
import { formatDuration } from '../../../lib/format-duration';
import type { WouldSendEntry } from '../../../api';
import { Badge, Card, JsonViewer } from '../../../ui';
import { RunStatusBadge } from '../../runs/StatusBadge';
import { useBuilderContext, useBuilderState } from '../builder-context';

const STEP_TONES = { succeeded: 'success', failed: 'danger', filtered: 'accent', skipped: 'neutral', pending: 'neutral' } as const;

const KIND_WORDS = { request: 'Would send', respond: 'Would answer', wait: 'Would wait' } as const;

/** What a dry run recorded instead of sending, step by step. */
function WouldSendList({ items }: { items: WouldSendEntry[] }) {
  if (items.length === 0) return <p className="sy-muted">Nothing would have been sent.</p>;
  return (
    <div className="sy-would-send" aria-label="What would have been sent">
      <h3 className="sy-would-send__title">What would have been sent</h3>
      <ol>
        {items.map((item, index) => (
          <li key={`${item.stepId}:${index}`}>
            {KIND_WORDS[item.kind]} (<code>{item.stepId}</code>)
            <JsonViewer label={`${KIND_WORDS[item.kind]} by ${item.stepId}`} value={item.detail} defaultExpandDepth={1} />
          </li>
        ))}
      </ol>
    </div>
  );
}

/**
 * The result of "Test workflow": the overall outcome and one line per step, linking to its card. A new
 * result scrolls into view and takes the focus (it may open below the fold, far from the button), and
 * is announced by screen readers through a live region that is always in the page.
 */
export function WorkflowTestPanel() {
  const { store } = useBuilderContext();
  const result = useBuilderState((state) => state.workflowTest);
  const steps = useBuilderState((state) => state.draft.steps);
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    const element = panel.current;
    if (!result || !element) return;
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [result]);
  const announcement = result ? `Test workflow finished: ${result.status}${result.dryRun ? ' (dry run)' : ''}.` : '';
  const live = (
    <p className="sy-visually-hidden" role="status">
      {announcement}
    </p>
  );
  if (!result) return live;
  const message = summariseError(result.error).message;
  return (
    <>
      {live}
      <Card
        ref={panel}
        tabIndex={-1}
        id="workflow-test"
        title="Test workflow"
        description={
          result.dryRun
            ? 'Dry run: every step ran once on the sample. Calls, messages and e-mails were recorded below, not sent. No run was recorded.'
            : 'Every step ran once on the sample, for real: calls, messages and e-mails were sent. No run was recorded.'
        }
        actions={<RunStatusBadge status={result.status} />}
      >
        {result.handMade ? (
          <p className="sy-muted">
            <Badge tone="accent">Hand-made sample</Badge> Tested on a sample typed in the builder, not on a captured request.
          </p>
        ) : null}
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
                  {entry?.step.name ? <span title={`Step id: ${step.id}`}>{entry.step.name}</span> : <code>{step.id}</code>}
                </button>
                <Badge tone={STEP_TONES[step.status as keyof typeof STEP_TONES] ?? 'neutral'}>{step.status}</Badge>
                <span className="sy-muted">{typeof step.durationMs === 'number' ? formatDuration(step.durationMs) : ''}</span>
                {stepMessage ? <span className="sy-test-steps__error">{stepMessage}</span> : null}
              </li>
            );
          })}
        </ol>
        {result.dryRun ? <WouldSendList items={result.wouldSend ?? []} /> : null}
      </Card>
    </>
  );
}
