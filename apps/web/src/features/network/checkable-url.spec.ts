import { describe, expect, it } from 'vitest';
import { checkableUrl } from './checkable-url';

describe('checkableUrl', () => {
  it('checks a literal URL whole', () => {
    expect(checkableUrl({ template: ' http://10.0.0.8:8065/hooks/abc ' })).toBe('http://10.0.0.8:8065/hooks/abc');
  });

  it('checks the origin when placeholders come after the host', () => {
    expect(checkableUrl({ template: 'http://chat.lan/hooks/{{ trigger.body.id }}' })).toBe('http://chat.lan/');
    expect(checkableUrl({ template: 'https://api.example.com?x={{ a }}' })).toBe('https://api.example.com/');
  });

  it('leaves alone what depends on the data or is not a URL yet', () => {
    expect(checkableUrl({ template: '{{ trigger.body.callback }}' })).toBeNull();
    expect(checkableUrl({ template: 'http://{{ host }}/x' })).toBeNull();
    expect(checkableUrl({ template: 'http://' })).toBeNull();
    expect(checkableUrl({ template: 'hooks.slack.com' })).toBeNull();
    expect(checkableUrl({ template: '' })).toBeNull();
  });
});
