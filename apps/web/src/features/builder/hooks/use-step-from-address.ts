import { useEffect } from 'react';
import type { BuilderStore } from '../state/builder-store';
import { walkSteps } from '../state/step-tree';

/**
 * The step a journal key names: `slack_1`, `route.0.notify` (in a branch path), `each[3].post` (in
 * a loop item). The step id is the key's last segment.
 */
export function stepIdOfKey(journalKey: string): string {
  return (
    journalKey
      .split('.')
      .pop()
      ?.replace(/\[\d+\]$/, '') ?? journalKey
  );
}

/**
 * `/workflows/:id/edit?step=<stepId>` ("Open in builder" from a failed run): opens that step's card
 * (at any depth) and scrolls it into view, with the focus on its heading button.
 */
export function useStepFromAddress(params: { store: BuilderStore; stepKey: string | null }) {
  const { store, stepKey } = params;
  useEffect(() => {
    if (!stepKey) return;
    const id = stepIdOfKey(stepKey);
    const visit = walkSteps(store.getState().draft.steps).find((v) => v.entry.step.id === id);
    if (!visit) return;
    const key = visit.entry.key;
    store.dispatch({ type: 'select', key });
    let tries = 0;
    let timer = 0;
    // The card renders (and opens) after the selection: wait for it, then bring it into view.
    const reveal = () => {
      const card = document.querySelector<HTMLElement>(`[aria-labelledby="step-card-${key}-title"]`);
      if (!card) {
        if ((tries += 1) < 40) timer = window.setTimeout(reveal, 50);
        return;
      }
      card.scrollIntoView({ block: 'center' });
      card.querySelector<HTMLElement>('.sy-step-card__toggle')?.focus({ preventScroll: true });
    };
    timer = window.setTimeout(reveal, 0);
    return () => window.clearTimeout(timer);
  }, [store, stepKey]);
}
