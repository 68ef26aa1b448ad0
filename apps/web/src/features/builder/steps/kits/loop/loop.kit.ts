import { evaluateExpression } from '@switchyard/engine';
import type { PreviewScope } from '../../../preview/step-output-state';
import { plural } from '../summary-text';
import type { WebStepKit } from '../web-step-kit';

/** Loop items whose results a preview computes; the inner steps' own previews use the first item. */
export const LOOP_PREVIEW_ITEMS = 100;

function asItems(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export const loopWebKit: WebStepKit<'loop'> = {
  label: 'For each item',
  description: 'Run steps once for every item of a list.',
  icon: { name: 'refresh', background: '#ccfbf1', color: '#0f766e' },
  create: (id) => ({ id, type: 'loop', items: '', concurrency: 1, onItemError: 'fail', steps: [] }),
  /** "For each item in trigger.body.items · 2 steps". */
  summary: (step) => (step.items ? `For each item in ${String(step.items)} · ${plural(step.steps?.length ?? 0, 'step')}` : ''),
  async preview({ step, scope, options, record, previewList }) {
    if (typeof step.items !== 'string' || !step.items.trim()) return undefined;
    const ctx = scope.context;
    const items = asItems(await evaluateExpression(step.items, ctx, options));
    const inner = step.steps ?? [];
    const results: unknown[] = [];
    for (const [index, item] of items.slice(0, LOOP_PREVIEW_ITEMS).entries()) {
      const itemScope: PreviewScope = {
        context: { trigger: ctx.trigger, steps: { ...ctx.steps } },
        bindings: { ...scope.bindings, item, index },
      };
      const last = await previewList(inner, itemScope, { record: record && index === 0, inactive: false });
      if (typeof step.output === 'string' && step.output.trim())
        results.push(await evaluateExpression(step.output, itemScope.context, { ...options, bindings: itemScope.bindings }));
      else results.push(inner.length === 0 ? item : last);
    }
    if (items.length === 0)
      await previewList(
        inner,
        { context: { trigger: ctx.trigger, steps: { ...ctx.steps } }, bindings: scope.bindings },
        { record, inactive: true },
      );
    return {
      source: 'preview',
      output: { results, failures: [] },
      itemCount: items.length,
      firstItem: items[0],
      resultsCapped: items.length > LOOP_PREVIEW_ITEMS,
    };
  },
  listLabel: () => 'For each item',
};
