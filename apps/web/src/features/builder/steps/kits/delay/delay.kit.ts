import { evaluateExpression } from '@switchyard/engine';
import { PREVIEW_LIMITS, type PreviewScope } from '../../../preview/step-output-state';
import type { StepDraftOf } from '../../../state/step-draft';
import type { WebStepKit } from '../web-step-kit';

const DELAY_UNIT_MS: Record<string, number> = { seconds: 1000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 };

/** When a delay step would resume if reached `now`; null when its settings do not give a time. */
export async function delayResumeAt(params: { step: StepDraftOf<'delay'>; scope?: PreviewScope; now: number }): Promise<string | null> {
  const { step, now } = params;
  if (step.mode === 'until') {
    if (typeof step.until !== 'string' || !step.until.trim() || !params.scope) return null;
    const value = await evaluateExpression(step.until, params.scope.context, {
      limits: PREVIEW_LIMITS,
      now,
      bindings: params.scope.bindings,
    });
    const time = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(time)) throw new Error('The time must be ISO 8601 text (2024-05-02T12:00:00Z) or epoch milliseconds.');
    return new Date(Math.max(time, now)).toISOString();
  }
  const amount = typeof step.amount === 'number' ? step.amount : Number.NaN;
  const unit = DELAY_UNIT_MS[typeof step.unit === 'string' ? step.unit : 'minutes'];
  if (Number.isNaN(amount) || !unit) return null;
  return new Date(now + amount * unit).toISOString();
}

export const delayWebKit: WebStepKit<'delay'> = {
  label: 'Wait',
  description: 'Pause the run for a while, or until a time.',
  icon: { name: 'replay', background: 'var(--sy-color-neutral-bg)', color: 'var(--sy-color-neutral-text)' },
  create: (id) => ({ id, type: 'delay', mode: 'for', amount: 5, unit: 'minutes' }),
  summary(step) {
    if (step.mode === 'until') return step.until ? `Until ${String(step.until)}` : '';
    if (typeof step.amount !== 'number') return '';
    return `For ${step.amount} ${String(step.unit ?? 'minutes').replace(/s$/, step.amount === 1 ? '' : 's')}`;
  },
  async preview({ step, scope, now }) {
    const resumeAt = await delayResumeAt({ step, scope, now });
    return resumeAt ? { source: 'preview', output: { resumeAt } } : { source: 'none' };
  },
  // The draft keeps both kinds of settings while the user switches; only the chosen one is sent.
  clean(step) {
    const dropped = step.mode === 'until' ? ['amount', 'unit'] : ['until'];
    return Object.fromEntries(Object.entries(step).filter(([field]) => !dropped.includes(field))) as typeof step;
  },
};
