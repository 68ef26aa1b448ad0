import { MAX_FLOW_COUNT, MAX_FLOW_SECONDS, type TriggerFlowControl } from '@switchyard/engine';
import { Select, TextInput } from '../../../ui';
import { useBuilderContext, useBuilderState } from '../builder-context';
import type { BuilderIssue } from '../state/builder-issues';
import { ExpressionField } from '../steps/form-parts/ExpressionField';
import { parseNumber, triggerIssuesFor } from './trigger-settings';

type Mode = TriggerFlowControl['mode'];
type Rule = { mode: Mode; key?: string } & Record<string, unknown>;

/** What each mode does, in plain words (shown under the mode). */
export const FLOW_MODE_HELP: Record<'off' | Mode, string> = {
  off: 'Every accepted request starts its own run at once.',
  debounce:
    'Waits until a key has been quiet for the window, then runs only the latest request of that key. Earlier ones are recorded as debounced.',
  throttle:
    'Starts at most the limit of runs per key in each period. Requests over it are not dropped: their runs wait for the next free slot.',
  batch:
    'Collects the requests of a key until the batch is full or the wait is over, then starts one run whose trigger body is the list of their bodies.',
};

/** The fields of a new rule of each mode, with sensible starting values. */
const DEFAULTS: Record<Mode, Record<string, number>> = {
  debounce: { windowSeconds: 30 },
  throttle: { limit: 10, periodSeconds: 60 },
  batch: { size: 50, maxWaitSeconds: 60 },
};

const NUMBER_FIELDS: Record<Mode, Array<{ field: string; label: string; description: string; max: number }>> = {
  debounce: [
    {
      field: 'windowSeconds',
      label: 'Quiet window (seconds)',
      description: 'The run starts this long after the latest request of the key.',
      max: MAX_FLOW_SECONDS,
    },
  ],
  throttle: [
    { field: 'limit', label: 'Runs per period', description: 'Most runs started per key in one period.', max: MAX_FLOW_COUNT },
    { field: 'periodSeconds', label: 'Period (seconds)', description: 'The length of a period.', max: MAX_FLOW_SECONDS },
  ],
  batch: [
    { field: 'size', label: 'Batch size', description: 'A full batch runs at once.', max: MAX_FLOW_COUNT },
    {
      field: 'maxWaitSeconds',
      label: 'Longest wait (seconds)',
      description: 'A batch that is not full runs this long after its first request.',
      max: MAX_FLOW_SECONDS,
    },
  ],
};

const messages = (issues: BuilderIssue[]) => issues.map((issue) => issue.message);

/**
 * "Flow control" of the webhook trigger (docs/flow-control.md): off, debounce, throttle or batch,
 * by a JSONata key (empty: one bucket for every request), with the numbers of the chosen mode.
 */
export function FlowControlSetting() {
  const { store } = useBuilderContext();
  const trigger = useBuilderState((state) => state.draft.trigger);
  const issues = useBuilderState((state) => state.issues);
  const raw = trigger.flowControl;
  const rule = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Rule) : undefined;
  const setRule = (value: Rule | undefined) =>
    store.dispatch({ type: 'edit', operation: { type: 'setTriggerField', field: 'flowControl', value } });
  const issuesOf = (path: string) =>
    triggerIssuesFor({ issues, field: 'flowControl' }).filter((issue) => issue.path.replace(/^trigger\.flowControl\.?/, '') === path);
  const mode: 'off' | Mode = rule?.mode ?? 'off';
  const update = (patch: Record<string, unknown>) => {
    if (!rule) return;
    const next: Rule = { ...rule, ...patch };
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
    setRule(next);
  };
  return (
    <div className="sy-trigger-settings__group" role="group" aria-labelledby="trigger-flow-control-title">
      <span id="trigger-flow-control-title" className="sy-field__label">
        Flow control
      </span>
      <Select
        label="Mode"
        value={mode}
        options={[
          { value: 'off', label: 'Off' },
          { value: 'debounce', label: 'Debounce: only the latest per key' },
          { value: 'throttle', label: 'Throttle: at most N runs per period' },
          { value: 'batch', label: 'Batch: many requests, one run' },
        ]}
        onChange={(value) =>
          setRule(
            value === 'off' ? undefined : { mode: value as Mode, ...(rule?.key ? { key: rule.key } : {}), ...DEFAULTS[value as Mode] },
          )
        }
      />
      <p className="sy-field__description">{FLOW_MODE_HELP[mode]}</p>
      {messages(issuesOf('')).length ? (
        <ul className="sy-field__errors" role="alert">
          {messages(issuesOf('')).map((message, index) => (
            <li key={index}>{message}</li>
          ))}
        </ul>
      ) : null}
      {rule ? (
        <div className="sy-trigger-settings__nested">
          <ExpressionField
            id="trigger-flow-key"
            label="Key"
            targetLabel="Trigger · Flow control key"
            description="Requests with the same value share a bucket, e.g. one per customer. Empty: all requests share one bucket."
            value={rule.key ?? ''}
            onChange={(value) => update({ key: value === '' ? undefined : value })}
            stepIndex={0}
            kind="value"
            placeholder="trigger.body.customer.id"
            optional
            singleLine
            issues={issuesOf('key')}
          />
          <div className="sy-trigger-settings__row">
            {NUMBER_FIELDS[rule.mode].map(({ field, label, description, max }) => (
              <TextInput
                key={field}
                label={label}
                type="number"
                min={1}
                max={max}
                step={1}
                inputMode="numeric"
                className="sy-trigger-settings__number"
                value={typeof rule[field] === 'number' ? String(rule[field]) : ''}
                description={description}
                errors={messages(issuesOf(field))}
                onChange={(text) => update({ [field]: parseNumber(text) })}
              />
            ))}
          </div>
        </div>
      ) : null}
    </div>
  );
}
