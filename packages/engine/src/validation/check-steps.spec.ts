import { describe, expect, it } from 'vitest';
import { validateDefinition, type ValidationResult } from './validate-definition';
import type { ValidationIssue } from './validation-issue';

const trigger = { type: 'webhook' };

function issuesOf(result: ValidationResult): ValidationIssue[] {
  if (result.ok) throw new Error('expected the definition to be invalid');
  return result.issues;
}

describe('validateDefinition: nested steps', () => {
  it('points expression errors inside paths and loops at their nested field', () => {
    const issues = issuesOf(
      validateDefinition({
        trigger,
        steps: [
          { id: 'a', type: 'map', expression: '1' },
          { id: 'b', type: 'map', expression: '2' },
          {
            id: 'route',
            type: 'branch',
            paths: [
              {
                condition: 'x >',
                steps: [
                  { id: 'ok', type: 'map', expression: '1' },
                  { id: 'bad', type: 'filter', condition: 'amount > ]' },
                ],
              },
            ],
            otherwise: {
              steps: [
                {
                  id: 'each',
                  type: 'loop',
                  items: '[',
                  output: '}',
                  steps: [{ id: 'send', type: 'http', url: 'ftp://x', query: { q: '{{ ( }}' } }],
                },
              ],
            },
          },
        ],
      }),
    );
    expect(issues.map((i) => i.path)).toEqual([
      'steps[2].paths[0].condition',
      'steps[2].paths[0].steps[1].condition',
      'steps[2].otherwise.steps[0].items',
      'steps[2].otherwise.steps[0].output',
      'steps[2].otherwise.steps[0].steps[0].url',
      'steps[2].otherwise.steps[0].steps[0].query.q',
    ]);
    expect(issues[1]).toMatchObject({ position: 10, token: ']' });
  });

  it('checks the fields of every new step type', () => {
    const issues = issuesOf(
      validateDefinition({
        trigger,
        steps: [
          { id: 'd', type: 'delay', mode: 'until', until: '(' },
          { id: 'r', type: 'respond', headers: { 'X-A': '{{' }, body: ']' },
          { id: 's', type: 'stop', message: '{{ }}' },
          { id: 'h', type: 'http', url: 'https://x.test', bodyType: 'form', form: { a: '{{ 1 +' }, raw: '{{' },
        ],
      }),
    );
    expect(issues.map((i) => i.path)).toEqual([
      'steps[0].until',
      'steps[1].headers.X-A',
      'steps[1].body',
      'steps[2].message',
      'steps[3].form.a',
      'steps[3].raw',
    ]);
  });

  it('reports schema errors of nested steps with their path', () => {
    const issues = issuesOf(
      validateDefinition({ trigger, steps: [{ id: 'l', type: 'loop', items: 'x', steps: [{ id: 'd', type: 'delay', mode: 'until' }] }] }),
    );
    expect(issues).toEqual([
      expect.objectContaining({ path: 'steps[0].steps[0].until', message: 'is required when waiting until a time' }),
    ]);
  });

  it('requires ids to be unique across all levels', () => {
    const issues = issuesOf(
      validateDefinition({
        trigger,
        steps: [
          { id: 'x', type: 'map', expression: '1' },
          { id: 'l', type: 'loop', items: '[1]', steps: [{ id: 'x', type: 'map', expression: '2' }] },
        ],
      }),
    );
    expect(issues).toEqual([{ path: 'steps[1].steps[0].id', message: 'duplicates the id of steps[0]' }]);
  });

  it('gives nested steps without an id one, unique across the definition', () => {
    const result = validateDefinition({
      trigger,
      steps: [
        { type: 'map', expression: '1' },
        {
          type: 'branch',
          paths: [
            {
              condition: 'true',
              steps: [
                { type: 'map', expression: '2' },
                { id: 'map_3', type: 'map', expression: '3' },
              ],
            },
          ],
        },
        { type: 'map', expression: '4' },
      ],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const step = result.definition.steps[1];
    expect(result.definition.steps.map((s) => s.id)).toEqual(['map_1', 'branch_1', 'map_4']);
    expect(step.type === 'branch' && step.paths[0].steps.map((s) => s.id)).toEqual(['map_2', 'map_3']);
  });

  it('refuses branches and loops nested more than 5 deep, before parsing them', () => {
    let step: Record<string, unknown> = { id: 'leaf', type: 'map', expression: '1' };
    for (let i = 0; i < 6; i++) step = { id: `l${i}`, type: 'loop', items: '[1]', steps: [step] };
    expect(issuesOf(validateDefinition({ trigger, steps: [step] }))).toEqual([
      { path: 'steps[0].steps[0].steps[0].steps[0].steps[0].steps[0].steps', message: 'branches and loops may be nested at most 5 deep' },
    ]);
  });

  it('survives a hostile definition nested 50,000 deep', () => {
    let step: Record<string, unknown> = { type: 'map', expression: '1' };
    for (let i = 0; i < 50_000; i++) step = { type: 'branch', paths: [{ condition: 'true', steps: [step] }] };
    const issues = issuesOf(validateDefinition({ trigger, steps: [step] }));
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toBe('branches and loops may be nested at most 5 deep');
  });

  it('refuses more than 500 steps in all', () => {
    const inner = Array.from({ length: 100 }, (_, i) => ({ type: 'map', expression: `${i}` }));
    const steps = Array.from({ length: 5 }, () => ({ type: 'loop', items: '[1]', steps: inner }));
    expect(issuesOf(validateDefinition({ trigger, steps }))[0]).toEqual({
      path: 'steps',
      message: 'must have at most 500 steps in all, nested ones included (has 505)',
    });
  });
});
