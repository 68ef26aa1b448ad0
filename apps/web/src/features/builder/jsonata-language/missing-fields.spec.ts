import { describe, expect, it } from 'vitest';
import { findMissingFields, nearestKey } from './missing-fields';

const root = {
  trigger: {
    body: {
      pusher: { name: 'ada' },
      commits: [
        { id: 'a1', message: 'fix' },
        { id: 'b2', message: 'docs' },
      ],
      repository: { full_name: 'o/r' },
    },
    headers: { 'x-github-event': 'push' },
  },
  steps: { slack_1: { ok: true } },
};

describe('findMissingFields', () => {
  it('names the missing field and the nearest one the sample has', () => {
    const [missing] = findMissingFields({ text: '$count(trigger.body.comits)', root });
    expect(missing).toMatchObject({ field: 'comits', parent: 'trigger.body', nearest: 'commits' });
    expect(missing.message).toBe('The sample has no field “comits” in trigger.body: did you mean “commits”?');
    expect('$count(trigger.body.comits)'.slice(missing.from, missing.to)).toBe('comits');
  });

  it('accepts paths the sample has, through arrays, indexes and predicates', () => {
    expect(findMissingFields({ text: 'trigger.body.commits[0].message & trigger.body.pusher.name', root })).toEqual([]);
    expect(findMissingFields({ text: 'trigger.body.commits[id = "a1"].message', root })).toEqual([]);
    expect(findMissingFields({ text: 'trigger.headers.`x-github-event`', root })).toEqual([]);
    expect(findMissingFields({ text: 'steps.slack_1.ok', root })).toEqual([]);
  });

  it('checks the paths inside a template and ignores its text', () => {
    const text = '{{ trigger.body.pusher.nam }} pushed {{ $count(trigger.body.commits) }} commits to trigger.body.nope';
    const found = findMissingFields({ text, template: true, root });
    expect(found.map((f) => [f.field, f.nearest])).toEqual([['nam', 'name']]);
  });

  it('lists what is there when nothing is close', () => {
    const [missing] = findMissingFields({ text: 'trigger.body.pusher.zzzzzz', root });
    expect(missing.nearest).toBeNull();
    expect(missing.message).toContain('it has name');
  });

  it('says nothing about steps with no output yet, unknown roots or values past null', () => {
    expect(findMissingFields({ text: 'steps.http_2.body', root })).toEqual([]);
    expect(findMissingFields({ text: 'price * qty', root })).toEqual([]);
    expect(findMissingFields({ text: 'trigger.body.x', root: { trigger: { body: null } } })).toEqual([]);
  });

  it('checks loop variables', () => {
    const [missing] = findMissingFields({ text: '$item.mesage', root, variables: { item: { message: 'x' } } });
    expect(missing).toMatchObject({ parent: '$item', nearest: 'message' });
  });
});

describe('nearestKey', () => {
  it('finds a case slip or a typo, not an unrelated name', () => {
    expect(nearestKey('Pusher', ['pusher', 'commits'])).toBe('pusher');
    expect(nearestKey('repo', ['repository', 'commits'])).toBe('repository');
    expect(nearestKey('zzz', ['pusher', 'commits'])).toBeNull();
  });
});
