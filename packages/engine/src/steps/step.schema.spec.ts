import { describe, expect, it } from 'vitest';
import { stepSchema } from './step.schema';
import { APP_STEP_TYPES, CONTAINER_STEP_TYPES, STEP_TYPES } from './step-kits';
import { childStepLists } from './step-tree';

describe('stepSchema', () => {
  it('lists every step type', () => {
    expect(STEP_TYPES).toEqual([
      'map',
      'filter',
      'http',
      'branch',
      'loop',
      'delay',
      'wait',
      'subworkflow',
      'respond',
      'stop',
      'slack',
      'discord',
      'teams',
      'telegram',
      'webhook',
      'email',
      'app',
    ]);
    expect(CONTAINER_STEP_TYPES).toEqual(['branch', 'loop']);
    expect(APP_STEP_TYPES.every((type) => STEP_TYPES.includes(type))).toBe(true);
    // Every type in the list parses as a step of the union (the list and the union agree).
    expect(stepSchema.options.map((option) => option.shape.type.value).sort()).toEqual([...STEP_TYPES].sort());
  });

  it('parses nested branches and loops with their defaults', () => {
    const step = stepSchema.parse({
      id: 'route',
      type: 'branch',
      paths: [
        {
          condition: 'true',
          steps: [{ id: 'each', type: 'loop', items: '[1]', steps: [{ id: 'inner', type: 'branch', paths: [{ condition: 'false' }] }] }],
        },
      ],
      otherwise: {},
    });
    expect(step).toEqual({
      id: 'route',
      type: 'branch',
      mode: 'first-match',
      paths: [
        {
          condition: 'true',
          steps: [
            {
              id: 'each',
              type: 'loop',
              items: '[1]',
              concurrency: 1,
              onItemError: 'fail',
              steps: [{ id: 'inner', type: 'branch', mode: 'first-match', paths: [{ condition: 'false', steps: [] }] }],
            },
          ],
        },
      ],
      otherwise: { steps: [] },
    });
    expect(childStepLists(step).map((l) => l.path)).toEqual(['paths[0].steps', 'otherwise.steps']);
  });

  it('points at nested fields', () => {
    const result = stepSchema.safeParse({ id: 'b', type: 'branch', paths: [{ condition: 'true', steps: [{ id: 'm', type: 'map' }] }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(['paths', 0, 'steps', 0, 'expression']);
  });

  it('bounds branches and loops', () => {
    expect(stepSchema.safeParse({ id: 'b', type: 'branch', paths: [] }).error?.issues[0].message).toBe('must have at least one path');
    expect(stepSchema.safeParse({ id: 'l', type: 'loop', items: 'x', concurrency: 11 }).error?.issues[0].message).toBe(
      'must be at most 10',
    );
  });

  it('requires the field of the delay mode and caps a delay at 30 days', () => {
    expect(stepSchema.safeParse({ id: 'd', type: 'delay' }).error?.issues).toMatchObject([
      { path: ['amount'], message: 'is required when waiting for a duration' },
    ]);
    expect(stepSchema.safeParse({ id: 'd', type: 'delay', mode: 'until' }).error?.issues).toMatchObject([
      { path: ['until'], message: 'is required when waiting until a time' },
    ]);
    expect(stepSchema.safeParse({ id: 'd', type: 'delay', amount: 31, unit: 'days' }).error?.issues).toMatchObject([
      { path: ['amount'], message: 'must be at most 30 days' },
    ]);
    expect(stepSchema.parse({ id: 'd', type: 'delay', amount: 30, unit: 'days' })).toEqual({
      id: 'd',
      type: 'delay',
      mode: 'for',
      amount: 30,
      unit: 'days',
    });
  });

  it('fills in stop and respond defaults', () => {
    expect(stepSchema.parse({ id: 's', type: 'stop' })).toEqual({ id: 's', type: 'stop', status: 'succeeded', message: '' });
    expect(stepSchema.parse({ id: 'r', type: 'respond' })).toEqual({ id: 'r', type: 'respond', status: 200, headers: {} });
  });

  it('describes every field of every step type, for forms and docs', () => {
    for (const option of stepSchema.options) {
      for (const [name, field] of Object.entries(option.shape)) {
        if (name === 'type') continue;
        expect((field as { description?: string }).description, `${option.shape.type.value}.${name}`).toBeTruthy();
      }
    }
  });
});
