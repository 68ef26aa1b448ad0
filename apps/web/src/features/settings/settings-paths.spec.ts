import { describe, expect, it } from 'vitest';
import { defaultSettingsPath, settingsTabsFor } from './settings-paths';

const labels = (role: Parameters<typeof settingsTabsFor>[0]['role']) => settingsTabsFor({ role }).map((tab) => tab.label);

describe('settingsTabsFor', () => {
  it('shows admins every tab but single sign-on, and owners every tab', () => {
    expect(labels('owner')).toEqual(['Members', 'Invites', 'API keys', 'Audit log', 'Network', 'Single sign-on', 'Account']);
    expect(labels('admin')).toEqual(['Members', 'Invites', 'API keys', 'Audit log', 'Network', 'Account']);
  });

  it('shows editors and viewers their account only', () => {
    expect(labels('editor')).toEqual(['Account']);
    expect(labels('viewer')).toEqual(['Account']);
    expect(labels(null)).toEqual(['Account']);
  });
});

describe('defaultSettingsPath', () => {
  it('opens members for admins, the account for the others', () => {
    expect(defaultSettingsPath({ role: 'admin' })).toBe('/settings/members');
    expect(defaultSettingsPath({ role: 'viewer' })).toBe('/settings/account');
  });
});
