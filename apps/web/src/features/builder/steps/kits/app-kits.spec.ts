import { APP_STEP_TYPES, validateDefinition } from '@switchyard/engine';
import { describe, expect, it } from 'vitest';
import { createStep } from '../../state/step-factory';
import { appStepSummary } from './web-step-kits';

const paths = (step: Record<string, unknown>) => {
  const result = validateDefinition({ trigger: { type: 'webhook' }, steps: [step] });
  return result.ok ? [] : result.issues.map((issue) => issue.path);
};

describe('app step defaults', () => {
  it('creates each app action with its required fields empty, so validation points at them', () => {
    const issues = Object.fromEntries(APP_STEP_TYPES.map((type) => [type, paths(createStep({ type, taken: [] }))]));
    expect(issues).toEqual({
      slack: ['steps[0].url', 'steps[0].text'],
      discord: ['steps[0].url', 'steps[0].content'],
      teams: ['steps[0].url', 'steps[0].text'],
      telegram: ['steps[0].credentialId', 'steps[0].chatId', 'steps[0].text'],
      webhook: ['steps[0].url', 'steps[0].body', 'steps[0].credentialId'],
      email: ['steps[0].host', 'steps[0].from', 'steps[0].to'],
      app: ['steps[0].app', 'steps[0].action'],
    });
  });

  it('gives ids by type, and valid steps once the required fields are filled', () => {
    const slack = createStep({ type: 'slack', taken: ['slack_1'] });
    expect(slack.id).toBe('slack_2');
    expect(paths({ ...slack, url: 'https://hooks.slack.com/services/x', text: 'hi' })).toEqual([]);
    const mail = createStep({ type: 'email', taken: [] });
    expect(paths({ ...mail, host: 'smtp.example.com', from: 'a@example.com', to: 'b@example.com', subject: 's' })).toEqual([]);
  });

  it('summarises collapsed cards', () => {
    expect(appStepSummary({ id: 'a', type: 'slack', text: 'New\norder' })).toBe('New order');
    expect(appStepSummary({ id: 'a', type: 'email', to: 'x@y.z', subject: 'Hi' })).toBe('To x@y.z: Hi');
    expect(appStepSummary({ id: 'a', type: 'webhook', url: 'https://r', eventType: 'order.paid' })).toBe('order.paid → https://r');
    expect(appStepSummary({ id: 'a', type: 'map', expression: '1' })).toBeNull();
    expect(appStepSummary({ id: 'a', type: 'app', app: 'google-sheets', action: 'add-row', input: {} })).toBe('Google Sheets: Add a row');
    expect(appStepSummary({ id: 'a', type: 'app', app: '', action: '', input: {} })).toBe('');
  });
});
