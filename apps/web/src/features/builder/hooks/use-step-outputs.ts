import { useEffect, useState, useSyncExternalStore } from 'react';
import { computeStepOutputs, type StepOutputState } from '../preview/step-outputs';
import type { BuilderStore } from '../state/builder-store';

const DEBOUNCE_MS = 200;

/** Recomputes every step's output on the sample shortly after the steps, the sample or a test change. */
export function useStepOutputs(store: BuilderStore): Record<string, StepOutputState> {
  const steps = useSyncExternalStore(store.subscribe, () => store.getState().draft.steps);
  const sample = useSyncExternalStore(store.subscribe, () => store.getState().sample);
  const tests = useSyncExternalStore(store.subscribe, () => store.getState().stepTests);
  const [outputs, setOutputs] = useState<Record<string, StepOutputState>>({});

  useEffect(() => {
    if (!sample) {
      setOutputs({});
      return;
    }
    let cancelled = false;
    const timer = window.setTimeout(() => {
      void computeStepOutputs({ steps, sample: sample.trigger, tests }).then((next) => {
        if (!cancelled) setOutputs(next);
      });
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [steps, sample, tests]);

  return outputs;
}
