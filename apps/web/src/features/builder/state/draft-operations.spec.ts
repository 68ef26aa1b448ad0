import { describe, expect, it } from 'vitest';
import { applyOperation, renameStepReferences } from './draft-operations';
import type { StepDraft } from './step-draft';
import type { WorkflowDraft } from './workflow-draft';

/** A field of a draft step of any type (the draft's steps are typed by their type). */
const fieldOf = (step: StepDraft | undefined, field: string): unknown => (step as Record<string, unknown> | undefined)?.[field];

function draft(): WorkflowDraft {
  return {
    name: 'Orders',
    trigger: { type: 'webhook' },
    steps: [
      { key: 'a', step: { id: 'order', type: 'map', expression: '{"id": trigger.body.id}' } },
      { key: 'b', step: { id: 'big', type: 'filter', condition: 'steps.order.id > 10' } },
      {
        key: 'c',
        step: {
          id: 'notify',
          type: 'http',
          method: 'POST',
          url: 'https://x/{{ steps.order.id }}',
          headers: { 'X-Id': '{{steps.order.id}}' },
          body: 'steps.order',
        },
      },
    ],
  };
}

const ids = (d: WorkflowDraft) => d.steps.map((entry) => entry.step.id);

describe('applyOperation', () => {
  it('adds a step of a type with a fresh id, at the end or at an index', () => {
    const added = applyOperation(draft(), { type: 'addStep', stepType: 'map', key: 'd' });
    expect(ids(added)).toEqual(['order', 'big', 'notify', 'map_1']);
    expect(added.steps[3]).toEqual({ key: 'd', step: { id: 'map_1', type: 'map', expression: '' } });
    const inserted = applyOperation(added, { type: 'addStep', stepType: 'map', index: 1, key: 'e' });
    expect(ids(inserted)).toEqual(['order', 'map_2', 'big', 'notify', 'map_1']);
    const http = applyOperation(draft(), { type: 'addStep', stepType: 'http', index: 0, key: 'f' });
    expect(http.steps[0].step).toEqual({ id: 'http_1', type: 'http', method: 'POST', url: '', headers: {}, body: '' });
  });

  it('inserts a given step and renames it when its id is taken', () => {
    const next = applyOperation(draft(), { type: 'insertStep', step: { id: 'order', type: 'map', expression: '1' }, index: 99, key: 'd' });
    expect(ids(next)).toEqual(['order', 'big', 'notify', 'map_1']);
  });

  it('moves a step up and down and ignores unknown keys', () => {
    expect(ids(applyOperation(draft(), { type: 'moveStep', key: 'c', toIndex: 0 }))).toEqual(['notify', 'order', 'big']);
    expect(ids(applyOperation(draft(), { type: 'moveStep', key: 'a', toIndex: 2 }))).toEqual(['big', 'notify', 'order']);
    expect(ids(applyOperation(draft(), { type: 'moveStep', key: 'a', toIndex: 99 }))).toEqual(['big', 'notify', 'order']);
    const original = draft();
    expect(applyOperation(original, { type: 'moveStep', key: 'zzz', toIndex: 0 })).toBe(original);
    expect(applyOperation(original, { type: 'moveStep', key: 'a', toIndex: 0 })).toBe(original);
  });

  it('duplicates a step right after itself with a new id and a deep copy', () => {
    const once = applyOperation(draft(), { type: 'duplicateStep', key: 'c', newKey: 'd' });
    expect(ids(once)).toEqual(['order', 'big', 'notify', 'notify_copy']);
    expect(fieldOf(once.steps[3].step, 'headers')).toEqual({ 'X-Id': '{{steps.order.id}}' });
    expect(fieldOf(once.steps[3].step, 'headers')).not.toBe(fieldOf(once.steps[2].step, 'headers'));
    const twice = applyOperation(once, { type: 'duplicateStep', key: 'c', newKey: 'e' });
    expect(ids(twice)).toEqual(['order', 'big', 'notify', 'notify_copy_1', 'notify_copy']);
  });

  it('deletes a step', () => {
    expect(ids(applyOperation(draft(), { type: 'deleteStep', key: 'b' }))).toEqual(['order', 'notify']);
  });

  it('sets and removes a field without touching id or type', () => {
    const set = applyOperation(draft(), { type: 'setStepField', key: 'b', field: 'condition', value: 'true' });
    expect(fieldOf(set.steps[1].step, 'condition')).toBe('true');
    const removed = applyOperation(set, { type: 'setStepField', key: 'c', field: 'body', value: undefined });
    expect('body' in removed.steps[2].step).toBe(false);
    const original = draft();
    expect(applyOperation(original, { type: 'setStepField', key: 'a', field: 'type', value: 'http' })).toBe(original);
    expect(
      applyOperation(original, {
        type: 'setStepField',
        key: 'a',
        field: 'expression',
        value: fieldOf(original.steps[0].step, 'expression'),
      }),
    ).toBe(original);
  });

  it('renames a step and the references to it in later steps', () => {
    const renamed = applyOperation(draft(), { type: 'renameStep', key: 'a', id: 'purchase' });
    expect(ids(renamed)).toEqual(['purchase', 'big', 'notify']);
    expect(fieldOf(renamed.steps[1].step, 'condition')).toBe('steps.purchase.id > 10');
    expect(fieldOf(renamed.steps[2].step, 'url')).toBe('https://x/{{ steps.purchase.id }}');
    expect(fieldOf(renamed.steps[2].step, 'headers')).toEqual({ 'X-Id': '{{steps.purchase.id}}' });
    expect(fieldOf(renamed.steps[2].step, 'body')).toBe('steps.purchase');
  });

  it('renames only the step while the new id is invalid', () => {
    const renamed = applyOperation(draft(), { type: 'renameStep', key: 'a', id: 'bad id' });
    expect(renamed.steps[0].step.id).toBe('bad id');
    expect(fieldOf(renamed.steps[1].step, 'condition')).toBe('steps.order.id > 10');
  });

  it('sets and removes trigger settings but never the type', () => {
    const verify = { scheme: 'github', secrets: ['s3cret'] };
    const set = applyOperation(draft(), { type: 'setTriggerField', field: 'verify', value: verify });
    expect(set.trigger).toEqual({ type: 'webhook', verify });
    expect(applyOperation(set, { type: 'setTriggerField', field: 'verify', value: undefined }).trigger).toEqual({ type: 'webhook' });
    const original = draft();
    expect(applyOperation(original, { type: 'setTriggerField', field: 'type', value: 'cron' })).toBe(original);
  });

  it('renames the workflow', () => {
    expect(applyOperation(draft(), { type: 'setName', name: 'Sales' }).name).toBe('Sales');
  });

  it('never modifies its input', () => {
    const original = draft();
    const before = JSON.stringify(original);
    applyOperation(original, { type: 'addStep', stepType: 'http', key: 'x' });
    applyOperation(original, { type: 'moveStep', key: 'c', toIndex: 0 });
    applyOperation(original, { type: 'duplicateStep', key: 'c', newKey: 'y' });
    applyOperation(original, { type: 'deleteStep', key: 'a' });
    applyOperation(original, { type: 'setStepField', key: 'a', field: 'expression', value: '2' });
    applyOperation(original, { type: 'renameStep', key: 'a', id: 'z' });
    expect(JSON.stringify(original)).toBe(before);
  });
});

describe('renameStepReferences', () => {
  it('matches whole ids after steps.', () => {
    expect(renameStepReferences({ text: 'steps.a.x & steps.ab & steps . a & $steps.a', from: 'a', to: 'b' })).toBe(
      'steps.b.x & steps.ab & steps . b & $steps.b',
    );
  });
});
