import type { RunSummary } from '../../api';
import { Badge, HelpTip } from '../../ui';
import { JARGON } from '../../lib/jargon';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });

/** "Dead letter" for a failed run whose auto-replay schedule is used up; "Will retry at ..." for one that will be replayed. */
export function DeadLetterBadge({ run }: { run: Pick<RunSummary, 'deadLetter' | 'autoReplayAt' | 'autoReplayAttempt'> }) {
  if (run.deadLetter) {
    return (
      <span className="sy-dead-letter">
        <Badge tone="danger" title="Auto-replay gave up on this run: replay it by hand once the cause is fixed">
          Dead letter
        </Badge>
        <HelpTip label={JARGON.deadLetter.label}>{JARGON.deadLetter.text}</HelpTip>
      </span>
    );
  }
  if (run.autoReplayAt) {
    const at = new Date(run.autoReplayAt);
    return (
      <Badge tone="warning" title={`Automatic replay ${(run.autoReplayAttempt ?? 0) + 1} of this failed run`}>
        Will retry at <time dateTime={run.autoReplayAt}>{timeFormat.format(at)}</time>
      </Badge>
    );
  }
  return null;
}

/** The run list's "Dead letters only" switch. */
export function DeadLetterFilter({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="sy-runs__custom-field">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <span>Dead letters only</span>
    </label>
  );
}
