import { describe, expect, it } from 'vitest';
import { dryRunWorkflow } from '../dry-run/dry-run-workflow';
import type { TriggerData } from '../runner/step-handler';
import { validateDefinition } from '../validation/validate-definition';
import { compareDryRuns } from './compare-dry-runs';

const NOW = Date.UTC(2024, 4, 1, 12);

async function dryRun(steps: unknown[], body: unknown) {
  const result = validateDefinition({ trigger: { type: 'webhook' }, steps });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const trigger: TriggerData = { body, headers: {}, query: {}, method: 'POST', receivedAt: new Date(NOW).toISOString() };
  return dryRunWorkflow({ definition: result.definition, trigger, now: NOW });
}

const published = [
  { id: 'shape', type: 'map', expression: '{ "total": trigger.body.total }' },
  { id: 'post', type: 'http', method: 'POST', url: 'https://a.example.com/orders', body: 'steps.shape' },
];

describe('compareDryRuns', () => {
  it('finds two dry runs of the same definition and request the same', async () => {
    expect(compareDryRuns(await dryRun(published, { total: 3 }), await dryRun(published, { total: 3 })).same).toBe(true);
  });

  it('names the output and the request that change, field by field', async () => {
    const draft = [{ ...published[0], expression: '{ "total": trigger.body.total * 100 }' }, published[1]];
    const comparison = compareDryRuns(await dryRun(published, { total: 3 }), await dryRun(draft, { total: 3 }));
    expect(comparison.same).toBe(false);
    expect(comparison.steps).toEqual([
      {
        stepId: 'shape',
        change: 'output',
        statusBefore: 'succeeded',
        statusAfter: 'succeeded',
        fields: [{ path: 'output.total', before: 3, after: 300 }],
      },
    ]);
    expect(comparison.sends).toEqual([
      { stepId: 'post', kind: 'request', change: 'changed', fields: [{ path: 'body', before: '{"total":3}', after: '{"total":300}' }] },
    ]);
    expect(comparison.newFailure).toBe(false);
  });

  it('reports a failure that appears, and one that disappears', async () => {
    const failing = [{ ...published[0], expression: '$error("total missing")' }, published[1]];
    const appears = compareDryRuns(await dryRun(published, { total: 3 }), await dryRun(failing, { total: 3 }));
    expect(appears).toMatchObject({
      newFailure: true,
      fixedFailure: false,
      statusBefore: 'succeeded',
      statusAfter: 'failed',
      errorAfter: 'expression: total missing',
    });
    expect(appears.sends).toEqual([{ stepId: 'post', kind: 'request', change: 'only-before', fields: [] }]);
    const disappears = compareDryRuns(await dryRun(failing, { total: 3 }), await dryRun(published, { total: 3 }));
    expect(disappears).toMatchObject({ newFailure: false, fixedFailure: true });
  });
});
