import { validateDefinition } from '@switchyard/engine';
import { describe, expect, it } from 'vitest';
import { evaluateExpression } from '@switchyard/engine';
import { isPlaceholderUrl, WORKFLOW_TEMPLATES } from './workflow-templates';

describe('workflow templates', () => {
  it.each(WORKFLOW_TEMPLATES.map((template) => [template.id, template] as const))('%s is a valid definition', (_id, template) => {
    const result = validateDefinition({ trigger: template.trigger, steps: template.steps });
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it.each(WORKFLOW_TEMPLATES.map((template) => [template.id, template] as const))('%s maps its own sample', async (_id, template) => {
    const steps: Record<string, unknown> = {};
    for (const step of template.steps) {
      const context = { trigger: template.sample, steps };
      if (step.type === 'map') steps[step.id] = await evaluateExpression(step.expression as string, context);
      if (step.type === 'filter') expect(await evaluateExpression(step.condition as string, context)).toBe(true);
    }
    expect(Object.values(steps).every((value) => value && typeof value === 'object')).toBe(true);
  });

  it('marks the example URLs that the user must replace', () => {
    expect(isPlaceholderUrl('https://hooks.example.com/x')).toBe(true);
    expect(isPlaceholderUrl('https://example.org')).toBe(true);
    expect(isPlaceholderUrl('https://hooks.slack.com/services/T/B/X')).toBe(false);
    expect(isPlaceholderUrl('https://example.company.com')).toBe(false);
  });
});
