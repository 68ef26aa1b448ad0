import { describe, expect, it } from 'vitest';
import { validateDefinition, type ValidationResult } from './validate-definition';
import type { ValidationIssue } from './validation-issue';

const trigger = { type: 'webhook' };

function issuesOf(result: ValidationResult): ValidationIssue[] {
  if (result.ok) throw new Error(`expected the definition to be invalid, got ${JSON.stringify(result.definition)}`);
  return result.issues;
}

describe('validateDefinition', () => {
  it('accepts a valid definition, fills in schemaVersion and step defaults', () => {
    const result = validateDefinition({
      trigger,
      steps: [
        { id: 'order', type: 'map', expression: '{"id": trigger.body.id}' },
        { id: 'big', type: 'filter', condition: 'steps.order.id > 10' },
        { id: 'notify', type: 'http', url: 'https://example.com/orders/{{ steps.order.id }}', body: 'steps.order' },
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.definition.schemaVersion).toBe(1);
    expect(result.definition.steps[2]).toEqual({
      id: 'notify',
      type: 'http',
      method: 'POST',
      url: 'https://example.com/orders/{{ steps.order.id }}',
      headers: {},
      body: 'steps.order',
      timeoutMs: 10_000,
    });
  });

  it('gives steps without an id one per type (map_1, map_2, filter_1) and skips ids already taken', () => {
    const result = validateDefinition({
      trigger,
      steps: [
        { type: 'map', expression: '1' },
        { type: 'filter', condition: 'true' },
        { type: 'map', expression: '2' },
        { id: 'map_2', type: 'map', expression: '3' },
      ],
    });
    expect(result.ok && result.definition.steps.map((s) => s.id)).toEqual(['map_1', 'filter_1', 'map_3', 'map_2']);
  });

  it('points a JSONata syntax error at its field, with position and token', () => {
    const issues = issuesOf(
      validateDefinition({
        trigger,
        steps: [
          { type: 'map', expression: 'trigger.body' },
          { type: 'filter', condition: 'amount > ]' },
        ],
      }),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'steps[1].condition', position: 10, token: ']' });
    expect(issues[0].code).toMatch(/^S0/);
    expect(issues[0].message).toContain('at position 10');
    expect(issues[0].message).toContain('near "]"');
  });

  it('reports every problem at once, each with its path', () => {
    const issues = issuesOf(
      validateDefinition({
        trigger,
        steps: [
          { type: 'map', expression: '(' },
          { type: 'http', url: 'https://x/{{ a +' },
          { type: 'http', url: 'https://x/{{ a + }}', headers: { 'X-Sig': '{{ ] }}' }, body: '{' },
        ],
      }),
    );
    expect(issues.map((i) => i.path)).toEqual([
      'steps[0].expression',
      'steps[1].url',
      'steps[2].url',
      'steps[2].headers.X-Sig',
      'steps[2].body',
    ]);
    expect(issues[1]).toMatchObject({ code: 'TEMPLATE_UNCLOSED', position: 10, token: '{{' });
    // The position of an error inside a placeholder is relative to the whole field.
    expect(issues[2]).toMatchObject({ code: 'S0207', position: 16 });
  });

  it('rejects duplicate step ids', () => {
    const issues = issuesOf(
      validateDefinition({
        trigger,
        steps: [
          { id: 'a', type: 'map', expression: '1' },
          { id: 'b', type: 'map', expression: '2' },
          { id: 'a', type: 'map', expression: '3' },
        ],
      }),
    );
    expect(issues).toEqual([{ path: 'steps[2].id', message: 'duplicates the id of steps[0]' }]);
  });

  it('rejects invalid step ids', () => {
    const issues = issuesOf(validateDefinition({ trigger, steps: [{ id: '1-bad', type: 'map', expression: '1' }] }));
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe('steps[0].id');
    expect(issues[0].message).toMatch(/must start with a letter or _/);
  });

  it('rejects unknown keys with a clear message naming the key', () => {
    const issues = issuesOf(
      validateDefinition({
        trigger: { type: 'webhook', secret: 'x' },
        steps: [{ type: 'map', expression: '1', expresion: '2' }],
        extra: true,
      }),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'trigger', message: 'Unrecognized key: "secret"' }),
        expect.objectContaining({ path: 'steps[0]', message: 'Unrecognized key: "expresion"' }),
        expect.objectContaining({ path: '', message: 'Unrecognized key: "extra"' }),
      ]),
    );
    expect(issues).toHaveLength(3);
  });

  it('rejects a URL that is not http(s)', () => {
    for (const url of ['ftp://example.com', 'example.com/hook', 'javascript:alert(1)']) {
      const issues = issuesOf(validateDefinition({ trigger, steps: [{ type: 'http', url }] }));
      expect(issues).toEqual([{ path: 'steps[0].url', message: 'must start with http:// or https:// (or a {{ placeholder }})' }]);
    }
    expect(issuesOf(validateDefinition({ trigger, steps: [{ type: 'http', url: '' }] }))[0]).toMatchObject({
      path: 'steps[0].url',
      message: 'must not be empty',
    });
    expect(validateDefinition({ trigger, steps: [{ type: 'http', url: '{{ trigger.body.callbackUrl }}' }] }).ok).toBe(true);
    expect(validateDefinition({ trigger, steps: [{ type: 'http', url: 'HTTP://EXAMPLE.COM' }] }).ok).toBe(true);
  });

  it('rejects an unknown step type, a missing field and an out-of-range timeout', () => {
    const issues = issuesOf(
      validateDefinition({
        trigger,
        steps: [
          { type: 'fax' },
          { type: 'map' },
          { type: 'http', url: 'https://x', timeoutMs: 0 },
          { type: 'http', url: 'https://x', method: 'TRACE' },
        ],
      }),
    );
    expect(issues.map((i) => i.path)).toEqual(['steps[0].type', 'steps[1].expression', 'steps[2].timeoutMs', 'steps[3].method']);
    expect(issues[2].message).toBe('must be at least 1');
  });

  it('rejects an empty expression and an empty methods list', () => {
    const issues = issuesOf(validateDefinition({ trigger: { type: 'webhook', methods: [] }, steps: [{ type: 'map', expression: '' }] }));
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'trigger.methods', message: 'must list at least one method' }),
        expect.objectContaining({ path: 'steps[0].expression', message: 'must not be empty' }),
      ]),
    );
  });

  it('rejects more than 100 steps', () => {
    const steps = Array.from({ length: 101 }, () => ({ type: 'map', expression: '1' }));
    expect(issuesOf(validateDefinition({ trigger, steps }))).toEqual([
      expect.objectContaining({ path: 'steps', message: 'must have at most 100 steps' }),
    ]);
  });

  it('rejects what is not an object', () => {
    for (const input of [null, 'text', 42, []]) {
      expect(issuesOf(validateDefinition(input))).toEqual([{ path: '', message: 'must be an object with trigger and steps' }]);
    }
    expect(issuesOf(validateDefinition({ trigger, steps: {} }))[0].path).toBe('steps');
  });

  it('rejects a schemaVersion newer than this build, and an unknown older one', () => {
    expect(issuesOf(validateDefinition({ schemaVersion: 2, trigger, steps: [] }))).toEqual([
      { path: 'schemaVersion', message: 'Definition schemaVersion 2 is newer than this Switchyard (1)' },
    ]);
    expect(issuesOf(validateDefinition({ schemaVersion: 0, trigger, steps: [] }))[0].path).toBe('schemaVersion');
  });

  it('does not modify its input', () => {
    const input = { trigger, steps: [{ type: 'map', expression: '1' }] };
    const before = JSON.stringify(input);
    validateDefinition(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});
