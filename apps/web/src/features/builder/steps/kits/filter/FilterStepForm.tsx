import { ExpressionField } from '../../form-parts/ExpressionField';
import { formIssues, stepFieldLabel, textOf } from '../../form-parts/control-form-parts';
import type { StepFormProps } from '../step-form';

export function FilterStepForm(props: StepFormProps<'filter'>) {
  const { entry, index, setField } = props;
  return (
    <ExpressionField
      id={`step-${entry.key}-condition`}
      label="Continue only if"
      targetLabel={stepFieldLabel(index, 'Condition')}
      description="A JSONata condition. When it is false, empty or missing, the run stops here as filtered."
      value={textOf(entry.step.condition)}
      onChange={(value) => setField('condition', value)}
      stepIndex={index}
      kind="condition"
      placeholder={'trigger.body.amount > 100 and trigger.body.currency = "EUR"'}
      issues={formIssues(props, 'condition')}
    />
  );
}
