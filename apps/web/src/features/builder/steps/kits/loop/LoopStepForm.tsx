import { LOOP_MAX_CONCURRENCY } from '@switchyard/engine';
import { prettyJson } from '../../../../../lib/pretty-json';
import { TextInput } from '../../../../../ui';
import { useBuilderContext } from '../../../builder-context';
import { ChoiceGroup, formIssues, messages, numberOrUndefined, textOf } from '../../form-parts/control-form-parts';
import { ExpressionField } from '../../form-parts/ExpressionField';
import { NestedStepList } from '../../nested-step-list';
import type { StepFormProps } from '../step-form';
import { LOOP_PREVIEW_ITEMS } from './loop.kit';

/** On the sample: how many items, and the first one (what `$item` is in the previews inside). */
function ItemsPreview({ stepKey }: { stepKey: string }) {
  const { outputs } = useBuilderContext();
  const state = outputs[stepKey];
  if (!state || state.itemCount === undefined) return null;
  return (
    <div className="sy-control-form__note" aria-live="polite" data-testid="loop-items-preview">
      <strong>{state.itemCount === 1 ? '1 item' : `${state.itemCount} items`} on the sample</strong>
      {state.itemCount > 0 ? (
        <>
          {' '}
          · first item (<code>$item</code> in the steps below):
          <pre className="sy-control-form__value">{prettyJson(state.firstItem)}</pre>
        </>
      ) : (
        ': the steps below would not run.'
      )}
      {state.resultsCapped ? <p className="sy-muted">The preview computes results for the first {LOOP_PREVIEW_ITEMS} items.</p> : null}
    </div>
  );
}

/** For each: the items expression, how many at once, what a failing item does, and the steps per item. */
export function LoopStepForm(props: StepFormProps<'loop'>) {
  const { entry, index, setField } = props;
  const { key, step } = entry;
  const inner = step.steps ?? [];
  return (
    <>
      <ExpressionField
        id={`step-${key}-items`}
        label="For each item in"
        targetLabel={`Step ${index + 1} · Items`}
        description="A JSONata expression giving a list; the steps below run once for each item (a single value is one item)."
        value={textOf(step.items)}
        onChange={(value) => setField('items', value)}
        stepIndex={index}
        kind="value"
        singleLine
        placeholder="trigger.body.items"
        issues={formIssues(props, 'items')}
        hint={<ItemsPreview stepKey={key} />}
      />
      <TextInput
        label="Items at once"
        description={`1 runs the items one after the other; at most ${LOOP_MAX_CONCURRENCY}.`}
        type="number"
        inputMode="numeric"
        min={1}
        max={LOOP_MAX_CONCURRENCY}
        className="sy-control-form__number-field"
        value={typeof step.concurrency === 'number' ? String(step.concurrency) : ''}
        placeholder="1"
        errors={messages(formIssues(props, 'concurrency'))}
        onChange={(value) => setField('concurrency', numberOrUndefined(value))}
      />
      <ChoiceGroup
        name={`step-${key}-on-error`}
        legend="If an item fails"
        value={step.onItemError === 'collect' ? 'collect' : 'fail'}
        choices={[
          { value: 'fail', label: 'Stop: the loop and the run fail' },
          { value: 'collect', label: 'Keep going and collect the error in the output' },
        ]}
        onChange={(value) => setField('onItemError', value)}
        errors={messages(formIssues(props, 'onItemError'))}
      />
      <ExpressionField
        id={`step-${key}-output`}
        label="Result of each item"
        targetLabel={`Step ${index + 1} · Result`}
        description={
          <>
            Optional JSONata, evaluated after each item&apos;s steps; by default the output of the item&apos;s last step. The results are{' '}
            <code>steps.{step.id}.results</code>, in item order.
          </>
        }
        value={textOf(step.output)}
        onChange={(value) => setField('output', value)}
        stepIndex={index}
        kind="value"
        optional
        placeholder="{ 'sku': $item.sku, 'status': steps.push_line.status }"
        issues={formIssues(props, 'output')}
      />
      <section className="sy-control-form__path sy-control-form__path--loop" aria-label="Steps for each item">
        <div className="sy-control-form__path-header">
          <span className="sy-control-form__path-title">Steps for each item</span>
        </div>
        <p className="sy-field__description">
          Inside, <code>$item</code> is the current item and <code>$index</code> its position (from 0); both are in the data panel.
        </p>
        <NestedStepList steps={inner} list={{ parentKey: key, list: 'steps' }} label="Steps for each item" where="for each item" />
      </section>
    </>
  );
}
