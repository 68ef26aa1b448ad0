import { ExpressionField } from '../../form-parts/ExpressionField';
import { formIssues, stepFieldLabel, textOf } from '../../form-parts/control-form-parts';
import type { StepFormProps } from '../step-form';
import { HelpTip } from '../../../../../ui';
import { JARGON } from '../../../../../lib/jargon';

export function MapStepForm(props: StepFormProps<'map'>) {
  const { entry, index, setField } = props;
  return (
    <ExpressionField
      id={`step-${entry.key}-expression`}
      label="Output"
      targetLabel={stepFieldLabel(index, 'Output')}
      description={
        <>
          A JSONata <HelpTip label={JARGON.jsonata.label}>{JARGON.jsonata.text}</HelpTip> expression; its result is this step&apos;s output,{' '}
          <code>steps.{entry.step.id}</code> for later steps. Click fields in the data panel to insert them.
        </>
      }
      value={textOf(entry.step.expression)}
      onChange={(value) => setField('expression', value)}
      stepIndex={index}
      kind="value"
      placeholder={'{ "email": trigger.body.email, "plan": trigger.body.plan }'}
      issues={formIssues(props, 'expression')}
    />
  );
}
