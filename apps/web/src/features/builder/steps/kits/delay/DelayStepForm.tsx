import { DELAY_UNITS } from '@switchyard/engine';
import { Field, RelativeTime } from '../../../../../ui';
import { useBuilderContext } from '../../../builder-context';
import { ChoiceGroup, formIssues, messages, numberOrUndefined, textOf } from '../../form-parts/control-form-parts';
import { ExpressionField } from '../../form-parts/ExpressionField';
import type { StepFormProps } from '../step-form';

const UNIT_LABELS: Record<string, string> = { seconds: 'seconds', minutes: 'minutes', hours: 'hours', days: 'days' };

/** When the sample would resume, if the run reached this step now. */
function ResumePreview({ stepKey }: { stepKey: string }) {
  const { outputs } = useBuilderContext();
  const state = outputs[stepKey];
  const resumeAt = state?.source === 'preview' ? (state.output as { resumeAt?: string } | undefined)?.resumeAt : undefined;
  if (state?.source === 'error') return <p className="sy-field__errors">On the sample: {state.error}</p>;
  if (!resumeAt) return null;
  return (
    <p className="sy-control-form__note" aria-live="polite" data-testid="delay-preview">
      Reached now, the run would wait (status <strong>waiting</strong>) and go on at{' '}
      <time dateTime={resumeAt}>{new Date(resumeAt).toLocaleString()}</time> (
      <RelativeTime iso={resumeAt} />
      ).
    </p>
  );
}

/** Wait: for a number of seconds, minutes, hours or days, or until a time given by an expression. */
export function DelayStepForm(props: StepFormProps<'delay'>) {
  const { entry, index, setField } = props;
  const { key, step } = entry;
  const mode = step.mode === 'until' ? 'until' : 'for';
  return (
    <>
      <ChoiceGroup
        name={`step-${key}-mode`}
        legend="Wait"
        value={mode}
        choices={[
          { value: 'for', label: 'For a while' },
          { value: 'until', label: 'Until a time' },
        ]}
        onChange={(next) => setField('mode', next)}
        errors={messages(formIssues(props, 'mode'))}
      />
      {mode === 'for' ? (
        <Field
          label="How long"
          htmlFor={`step-${key}-amount`}
          description="At most 30 days. The time counts from when the run reaches this step."
          errors={messages(formIssues(props, 'amount').concat(formIssues(props, 'unit')))}
        >
          <div className="sy-step-form__row">
            <input
              id={`step-${key}-amount`}
              className="sy-input sy-control-form__number"
              type="number"
              inputMode="decimal"
              min={0}
              value={typeof step.amount === 'number' ? String(step.amount) : ''}
              onChange={(event) => setField('amount', numberOrUndefined(event.target.value))}
            />
            <select
              aria-label="Unit"
              className="sy-select"
              value={typeof step.unit === 'string' ? step.unit : 'minutes'}
              onChange={(event) => setField('unit', event.target.value)}
            >
              {DELAY_UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {UNIT_LABELS[unit]}
                </option>
              ))}
            </select>
          </div>
        </Field>
      ) : (
        <ExpressionField
          id={`step-${key}-until`}
          label="Until"
          targetLabel={`Step ${index + 1} · Until`}
          description="A JSONata expression giving the time: ISO 8601 text (2024-05-02T12:00:00Z) or epoch milliseconds. A time in the past goes on at once."
          value={textOf(step.until)}
          onChange={(value) => setField('until', value)}
          stepIndex={index}
          kind="value"
          singleLine
          placeholder="trigger.body.remind_at"
          issues={formIssues(props, 'until')}
        />
      )}
      <ResumePreview stepKey={key} />
    </>
  );
}
