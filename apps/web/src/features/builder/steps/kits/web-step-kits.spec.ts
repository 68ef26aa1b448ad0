import { STEP_TYPES } from '@switchyard/engine';
import { describe, expect, it } from 'vitest';
import { cleanStep } from '../../state/workflow-draft';
import { STEP_FORMS } from './step-forms';
import { MENU_STEP_TYPES, WEB_STEP_KITS, callsOut, stepSummary } from './web-step-kits';

describe('web step kits', () => {
  it('has a kit and a form for every step type, and offers every type in the menu, apps last', () => {
    for (const type of STEP_TYPES) {
      expect(WEB_STEP_KITS[type].label, type).not.toBe('');
      expect(typeof STEP_FORMS[type], type).toBe('function');
    }
    expect([...MENU_STEP_TYPES.core, ...MENU_STEP_TYPES.apps].sort()).toEqual([...STEP_TYPES].sort());
    expect(MENU_STEP_TYPES.core).toEqual(STEP_TYPES.filter((type) => !MENU_STEP_TYPES.apps.includes(type)));
    // The catalogue first: the older built-in senders are apps of it now.
    expect(MENU_STEP_TYPES.apps).toEqual(['app', 'slack', 'discord', 'teams', 'telegram', 'webhook', 'email']);
    for (const type of MENU_STEP_TYPES.apps.slice(1))
      expect(WEB_STEP_KITS[type].description, type).toMatch(/^Older built-in step; for new steps use App action → /);
  });

  it('creates steps of its type with the id given', () => {
    for (const type of STEP_TYPES) expect(WEB_STEP_KITS[type].create('x_1'), type).toMatchObject({ id: 'x_1', type });
  });

  it('says which steps call out', () => {
    expect(STEP_TYPES.filter(callsOut)).toEqual(['http', 'slack', 'discord', 'teams', 'telegram', 'webhook', 'email', 'app']);
    expect(callsOut('fax')).toBe(false);
  });

  it('summarises control steps for collapsed cards', () => {
    expect(stepSummary(WEB_STEP_KITS.branch.create('b'))).toBe('2 paths: Path 1, Path 2');
    expect(stepSummary({ id: 'd', type: 'delay', mode: 'for', amount: 1, unit: 'hours' })).toBe('For 1 hour');
    expect(stepSummary({ id: 'd', type: 'delay', mode: 'until', until: 'trigger.body.at' })).toBe('Until trigger.body.at');
    expect(stepSummary({ id: 'l', type: 'loop', items: 'trigger.body.items', steps: [] })).toBe(
      'For each item in trigger.body.items · 0 steps',
    );
    expect(stepSummary({ id: 's', type: 'stop', status: 'failed', message: 'no' })).toBe('Ends the run as failed: no');
    expect(stepSummary({ id: 'r', type: 'respond', status: 201 })).toBe('Answers 201');
  });

  it('cleans what its kit leaves out: the other delay mode, blank path names', () => {
    expect(cleanStep({ id: 'd', type: 'delay', mode: 'until', amount: 5, unit: 'minutes', until: 'x' })).toEqual({
      id: 'd',
      type: 'delay',
      mode: 'until',
      until: 'x',
    });
    expect(cleanStep({ id: 'b', type: 'branch', paths: [{ name: ' ', condition: 'true' }], otherwise: { name: '', steps: [] } })).toEqual({
      id: 'b',
      type: 'branch',
      paths: [{ condition: 'true', steps: [] }],
      otherwise: { steps: [] },
    });
  });
});
