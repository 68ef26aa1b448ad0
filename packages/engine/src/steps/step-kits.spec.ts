import { describe, expect, it } from 'vitest';
import { STEP_CATEGORIES } from './step-kit';
import {
  APP_STEP_TYPES,
  CONTAINER_STEP_TYPES,
  OUTBOUND_STEP_TYPES,
  STEP_KITS,
  STEP_TYPES,
  defaultRetryPolicy,
  findStepKit,
  isPureStepType,
  isStepType,
} from './step-kits';

describe('retry policy', () => {
  it('retries steps that call out (http and app actions) by default, and nothing else', () => {
    for (const type of ['http', 'slack', 'discord', 'teams', 'telegram', 'webhook', 'email', 'app'])
      expect(defaultRetryPolicy(type).maxAttempts).toBe(3);
    for (const type of ['map', 'filter', 'branch', 'loop', 'delay', 'respond', 'stop'])
      expect(defaultRetryPolicy(type).maxAttempts).toBe(1);
  });
});

describe('step kits', () => {
  it('registers each kit under its own type', () => {
    for (const type of STEP_TYPES) expect(STEP_KITS[type].type).toBe(type);
  });

  it('derives the type lists from the kits', () => {
    expect(APP_STEP_TYPES).toEqual(['slack', 'discord', 'teams', 'telegram', 'webhook', 'email', 'app']);
    expect(OUTBOUND_STEP_TYPES).toEqual(['http', 'slack', 'discord', 'teams', 'telegram', 'webhook', 'email', 'app']);
    expect(CONTAINER_STEP_TYPES.every((type) => STEP_KITS[type].lists !== undefined)).toBe(true);
    expect(STEP_TYPES.filter((type) => STEP_KITS[type].answersSender)).toEqual(['respond']);
  });

  it('marks as pure only the steps that neither call out, wait nor answer the sender (ADR 0014)', () => {
    expect(STEP_TYPES.filter(isPureStepType)).toEqual(['map', 'filter', 'branch', 'loop', 'stop']);
    for (const type of STEP_TYPES) if (isPureStepType(type)) expect(STEP_KITS[type].outbound).toBe(false);
    expect(isPureStepType('fax')).toBe(false);
    expect(isPureStepType('constructor')).toBe(false);
  });

  it('finds kits by any text, and none for a type that does not exist', () => {
    expect(findStepKit('loop')?.label).toBe('For each');
    expect(findStepKit('fax')).toBeUndefined();
    expect(findStepKit('toString')).toBeUndefined();
    expect(isStepType(undefined)).toBe(false);
  });

  it('gives every kit a label, a description and a category', () => {
    for (const type of STEP_TYPES) {
      const kit = STEP_KITS[type];
      expect(kit.label.length, type).toBeGreaterThan(0);
      expect(kit.description.endsWith('.'), type).toBe(true);
      expect(STEP_CATEGORIES, type).toContain(kit.category);
    }
  });

  it('parses a step with the schema of its kit', () => {
    expect(STEP_KITS.map.schema.parse({ id: 'm', type: 'map', expression: '1' })).toEqual({ id: 'm', type: 'map', expression: '1' });
    expect(STEP_KITS.loop.schema.parse({ id: 'l', type: 'loop', items: 'x' })).toMatchObject({ steps: [], concurrency: 1 });
  });
});
