import { ChoiceGroup, formIssues, messages, textOf } from '../../form-parts/control-form-parts';
import { ExpressionField } from '../../form-parts/ExpressionField';
import type { StepFormProps } from '../step-form';

/** End the run: here, wherever it is (in a path or a loop too), as succeeded or failed, with a message. */
export function StopStepForm(props: StepFormProps<'stop'>) {
  const { entry, index, setField } = props;
  const { key, step } = entry;
  const failed = step.status === 'failed';
  return (
    <>
      <ChoiceGroup
        name={`step-${key}-status`}
        legend="End the run as"
        value={failed ? 'failed' : 'succeeded'}
        choices={[
          { value: 'succeeded', label: 'Succeeded: nothing went wrong, there is just nothing more to do' },
          { value: 'failed', label: 'Failed: show it as an error in the run history' },
        ]}
        onChange={(value) => setField('status', value)}
        errors={messages(formIssues(props, 'status'))}
      />
      <ExpressionField
        id={`step-${key}-message`}
        label="Message"
        targetLabel={`Step ${index + 1} · Message`}
        description="Shown in the run history. Text with {{ placeholders }}."
        value={textOf(step.message)}
        onChange={(value) => setField('message', value)}
        stepIndex={index}
        kind="template"
        optional
        placeholder={failed ? 'Order {{ trigger.body.id }} has no email address' : 'Nothing to do for {{ trigger.body.id }}'}
        issues={formIssues(props, 'message')}
      />
      <p className="sy-muted sy-control-form__hint">Steps after this one do not run.</p>
    </>
  );
}
