import { DELAY_UNITS } from '@switchyard/engine';
import { useParams } from 'react-router';
import { Field } from '../../../../../ui';
import { useWorkflows } from '../../../../workflows/use-workflows';
import { ChoiceGroup, formIssues, messages, numberOrUndefined, textOf } from '../../form-parts/control-form-parts';
import { ExpressionField } from '../../form-parts/ExpressionField';
import type { StepFormProps } from '../step-form';

/** Run workflow: which workflow, its input, and whether to wait for its result. */
export function SubworkflowStepForm(props: StepFormProps<'subworkflow'>) {
  const { entry, index, setField } = props;
  const { key, step } = entry;
  const { id: currentId } = useParams();
  const workflows = useWorkflows();
  const mode = step.mode === 'fire' ? 'fire' : 'wait';
  const choices = (workflows.data ?? []).filter((w) => w.id !== currentId);
  return (
    <>
      <Field label="Workflow" htmlFor={`step-${key}-workflow`} errors={messages(formIssues(props, 'workflowId'))}>
        <select
          id={`step-${key}-workflow`}
          className="sy-select"
          value={textOf(step.workflowId)}
          onChange={(event) => setField('workflowId', event.target.value || undefined)}
        >
          <option value="">Choose a workflow…</option>
          {choices.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      </Field>
      <ExpressionField
        id={`step-${key}-input`}
        label="Input"
        targetLabel={`Step ${index + 1} · Input`}
        description="A JSONata expression: the called workflow's trigger body. Empty: this run's trigger body."
        value={textOf(step.input)}
        onChange={(value) => setField('input', value || undefined)}
        stepIndex={index}
        kind="value"
        placeholder='{ "order": trigger.body.id }'
        issues={formIssues(props, 'input')}
      />
      <ChoiceGroup
        name={`step-${key}-mode`}
        legend="Then"
        value={mode}
        choices={[
          { value: 'wait', label: 'Wait for its result (its answer or last output becomes this step’s output)' },
          { value: 'fire', label: 'Start it and go on at once' },
        ]}
        onChange={(next) => setField('mode', next)}
        errors={messages(formIssues(props, 'mode'))}
      />
      {mode === 'wait' ? (
        <Field
          label="Wait at most"
          htmlFor={`step-${key}-timeout`}
          description="The run waits without holding a worker; past this the step fails."
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
              value={typeof step.timeoutUnit === 'string' ? step.timeoutUnit : 'hours'}
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
      ) : null}
    </>
  );
}
