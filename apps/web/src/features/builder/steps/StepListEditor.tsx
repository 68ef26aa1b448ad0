import type { StepType } from '@switchyard/engine';
import { createContext, Fragment, useContext } from 'react';
import { useBuilderContext } from '../builder-context';
import { AddStepMenu } from './AddStepMenu';
import { StepListEditorContext, type StepListEditorProps } from './nested-step-list';
import { StepCard } from './StepCard';

/** "Test this step" for every card, at any depth: one mutation for the whole builder. */
export interface StepTestControls {
  /** `dryRun`: record what the step would send instead of sending it. */
  test: (key: string, options?: { dryRun?: boolean }) => void;
  pendingKey: string | null;
  errorKey: string | null;
  error: unknown;
}

export const StepTestContext = createContext<StepTestControls>({ test: () => undefined, pendingKey: null, errorKey: null, error: null });

/**
 * A list of step cards with a "+" before each and "Add a step" at the end: the workflow's own
 * list, a branch path's or a loop's (`list`), all edited with the same operations.
 */
export function StepListEditor(props: StepListEditorProps) {
  const { steps, list, label, where } = props;
  const { store } = useBuilderContext();
  const tests = useContext(StepTestContext);
  const add = (index: number) => (stepType: StepType) =>
    store.dispatch({ type: 'edit', operation: { type: 'addStep', stepType, index, key: store.newKey(), list: list ?? undefined } });
  const suffix = where ? ` ${where}` : '';
  // The cards' forms render their nested lists with this editor (see NestedStepList).
  return (
    <StepListEditorContext.Provider value={StepListEditor}>
      <ol className={list ? 'sy-builder__steps sy-builder__steps--nested' : 'sy-builder__steps'} aria-label={label}>
        {steps.map((entry, index) => (
          <Fragment key={entry.key}>
            <li className="sy-builder__connector" aria-hidden={false}>
              <AddStepMenu variant="between" label={`Insert a step before step ${index + 1}${suffix}`} onAdd={add(index)} />
            </li>
            <StepCard
              entry={entry}
              index={index}
              count={steps.length}
              list={list}
              onTest={tests.test}
              testing={tests.pendingKey === entry.key}
              testError={tests.errorKey === entry.key ? tests.error : null}
              onDrop={(key, toIndex) => store.dispatch({ type: 'edit', operation: { type: 'moveStep', key, toIndex } })}
            />
          </Fragment>
        ))}
        <li className="sy-builder__connector sy-builder__connector--end">
          <AddStepMenu
            variant="end"
            label={steps.length === 0 ? `Add the first step${suffix}` : `Add a step at the end${suffix}`}
            onAdd={add(steps.length)}
          />
        </li>
      </ol>
    </StepListEditorContext.Provider>
  );
}
