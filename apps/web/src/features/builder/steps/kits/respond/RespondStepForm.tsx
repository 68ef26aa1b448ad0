import { Button, TextInput } from '../../../../../ui';
import { useBuilderContext, useBuilderState } from '../../../builder-context';
import { formIssues, messages, numberOrUndefined, textOf } from '../../form-parts/control-form-parts';
import { ExpressionField } from '../../form-parts/ExpressionField';
import { HeadersEditor } from '../../form-parts/HeadersEditor';
import type { StepFormProps } from '../step-form';

/** Shown while the trigger answers at once: the answer set here would never be sent. */
function WaitModeHint() {
  const { store } = useBuilderContext();
  const response = useBuilderState((state) => state.draft.trigger.response) as { mode?: string } | undefined;
  if (response?.mode === 'wait') return null;
  return (
    <div className="sy-control-form__warning" role="note">
      <p>
        The trigger answers at once (202 with the run id), so this answer is not sent. Set the trigger&apos;s{' '}
        <strong>Answer the sender</strong> to <strong>Wait for the result</strong>.
      </p>
      <Button
        size="sm"
        onClick={() => store.dispatch({ type: 'edit', operation: { type: 'setTriggerField', field: 'response', value: { mode: 'wait' } } })}
      >
        Make the trigger wait for the result
      </Button>
    </div>
  );
}

/** Answer the sender: the HTTP status, headers and body the trigger URL answers with (wait mode). */
export function RespondStepForm(props: StepFormProps<'respond'>) {
  const { entry, index, setField } = props;
  const { key, step } = entry;
  return (
    <>
      <WaitModeHint />
      <TextInput
        label="Status code"
        description="200 OK, 201 Created, 400 Bad request…"
        type="number"
        inputMode="numeric"
        min={100}
        max={599}
        className="sy-control-form__number-field"
        value={typeof step.status === 'number' ? String(step.status) : ''}
        placeholder="200"
        errors={messages(formIssues(props, 'status'))}
        onChange={(value) => setField('status', numberOrUndefined(value))}
      />
      <HeadersEditor {...props} />
      <ExpressionField
        id={`step-${key}-body`}
        label="Body"
        targetLabel={`Step ${index + 1} · Body`}
        description="A JSONata expression; text is sent as it is, anything else as JSON. Leave empty for no body."
        value={textOf(step.body)}
        onChange={(value) => setField('body', value)}
        stepIndex={index}
        kind="value"
        optional
        placeholder="{ 'received': true, 'order': steps.order.id }"
        issues={formIssues(props, 'body')}
      />
      <p className="sy-muted sy-control-form__hint">The run goes on after this step; the sender gets the first answer set.</p>
    </>
  );
}
