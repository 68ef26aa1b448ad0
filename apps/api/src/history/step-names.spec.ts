import { describe, expect, it } from 'vitest';
import { stepNameOf } from './step-names';

const steps = [
  { id: 'slack_1', type: 'slack', name: 'Post to Slack' },
  { id: 'unnamed', type: 'map' },
  {
    id: 'route',
    type: 'branch',
    paths: [{ name: 'Big', condition: 'true', steps: [{ id: 'notify', type: 'http', name: 'Tell the team' }] }],
    otherwise: { steps: [] },
  },
  { id: 'each', type: 'loop', items: 'x', steps: [{ id: 'post', type: 'http', name: 'Post each' }] },
];

describe('stepNameOf', () => {
  it('finds the name by the journal key, at any depth', () => {
    expect(stepNameOf(steps, 'slack_1')).toBe('Post to Slack');
    expect(stepNameOf(steps, 'route.0.notify')).toBe('Tell the team');
    expect(stepNameOf(steps, 'each[3].post')).toBe('Post each');
  });

  it('is null for a step without a name or not in the definition', () => {
    expect(stepNameOf(steps, 'unnamed')).toBeNull();
    expect(stepNameOf(steps, 'gone')).toBeNull();
  });
});
