import { formatDuration } from '../../../lib/format-duration';
import { summariseError } from '../../../lib/error-summary';
import { hasContent } from '../../../lib/pretty-json';
import { Badge, CodeBlock } from '../../../ui';
import type { StepTestResult as Result } from '../state/builder-reducer';

const TONES = { succeeded: 'success', failed: 'danger', filtered: 'accent', skipped: 'neutral', pending: 'neutral' } as const;
const LABELS = {
  succeeded: 'Succeeded',
  failed: 'Failed',
  filtered: 'Filtered: the run would stop here',
  skipped: 'Skipped',
  pending: 'Pending',
} as const;

/** The outcome of "Test this step" or of this step in "Test workflow". */
export function StepTestResult({ result, outdated }: { result: Result; outdated: boolean }) {
  const message = summariseError(result.error).message;
  return (
    <section className="sy-test-result" aria-label="Test result">
      <div className="sy-test-result__header">
        <Badge tone={TONES[result.status] ?? 'neutral'}>{LABELS[result.status] ?? result.status}</Badge>
        <span className="sy-muted">
          {result.source === 'workflow'
            ? 'from Test workflow'
            : result.dryRun
              ? 'dry run on the sample: nothing was sent'
              : 'tested on the sample'}
          {typeof result.durationMs === 'number' ? ` · ${formatDuration(result.durationMs)}` : ''}
        </span>
        {result.handMade ? <Badge tone="accent">Hand-made sample</Badge> : null}
        {outdated ? <Badge tone="warning">Step changed since</Badge> : null}
      </div>
      {message ? <p className="sy-test-result__error">{message}</p> : null}
      {result.output !== undefined && result.output !== null ? (
        <CodeBlock label="Test output" value={result.output} maxHeight={260} />
      ) : null}
      {hasContent(result.input) ? (
        <details className="sy-test-result__input">
          <summary>{result.dryRun ? 'What would have been sent' : 'What was sent'}</summary>
          <CodeBlock label="Test input" value={result.input} maxHeight={260} />
        </details>
      ) : null}
      {hasContent(result.error) && !message ? <CodeBlock label="Test error" value={result.error} tone="danger" /> : null}
    </section>
  );
}
