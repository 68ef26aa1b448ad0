import { DELAY_UNITS } from '@switchyard/engine';
import { Field } from '../../../../../ui';
import { ChoiceGroup, formIssues, messages, numberOrUndefined } from '../../form-parts/control-form-parts';
import type { StepFormProps } from '../step-form';

/** Wait for a callback or a person: the mode, the timeout, and what a timeout or a rejection does. */
export function WaitStepForm(props: StepFormProps<'wait'>) {
  const { entry, setField } = props;
  const { key, step } = entry;
  const mode = step.mode === 'callback' ? 'callback' : 'approval';
  return (
    <>
      <ChoiceGroup
        name={`step-${key}-mode`}
        legend="Wait for"
        value={mode}
        choices={[
          { value: 'approval', label: 'A person to approve or reject (a page linked with $approvalUrl)' },
          { value: 'callback', label: 'A call to a one-time resume URL ($resumeUrl; its JSON body is the output)' },
        ]}
        onChange={(next) => setField('mode', next)}
        errors={messages(formIssues(props, 'mode'))}
      />
      <p className="sy-control-form__note">
        Send the link from a step before this one, e.g. a message with{' '}
        <code>{mode === 'approval' ? '{{ $approvalUrl }}' : '{{ $resumeUrl }}'}</code>. The link works once. While it waits, the run holds
        no worker.
      </p>
      <Field
        label="Time out after"
        htmlFor={`step-${key}-timeout`}
        description="At most 30 days."
        errors={messages(formIssues(props, 'timeoutAmount').concat(formIssues(props, 'timeoutUnit')))}
      >
        <div className="sy-step-form__row">
          <input
            id={`step-${key}-timeout`}
            className="sy-input sy-control-form__number"
            type="number"
            inputMode="decimal"
            min={0}
            value={typeof step.timeoutAmount === 'number' ? String(step.timeoutAmount) : ''}
            onChange={(event) => setField('timeoutAmount', numberOrUndefined(event.target.value))}
          />
          <select
            aria-label="Timeout unit"
            className="sy-select"
            value={typeof step.timeoutUnit === 'string' ? step.timeoutUnit : 'days'}
            onChange={(event) => setField('timeoutUnit', event.target.value)}
          >
            {DELAY_UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {unit}
              </option>
            ))}
          </select>
        </div>
      </Field>
      <ChoiceGroup
        name={`step-${key}-on-timeout`}
        legend="At the timeout"
        value={step.onTimeout === 'fail' ? 'fail' : 'continue'}
        choices={[
          { value: 'continue', label: 'Go on with status timed_out (branch on it)' },
          { value: 'fail', label: 'Fail the step' },
        ]}
        onChange={(next) => setField('onTimeout', next)}
        errors={messages(formIssues(props, 'onTimeout'))}
      />
      {mode === 'approval' ? (
        <ChoiceGroup
          name={`step-${key}-on-reject`}
          legend="On Reject"
          value={step.onReject === 'fail' ? 'fail' : 'continue'}
          choices={[
            { value: 'continue', label: 'Go on with status rejected (branch on it)' },
            { value: 'fail', label: 'Fail the step' },
          ]}
          onChange={(next) => setField('onReject', next)}
          errors={messages(formIssues(props, 'onReject'))}
        />
      ) : null}
    </>
  );
}
