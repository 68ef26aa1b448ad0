import type { Role } from '../../api';
import { can, type Action } from '../workspaces/roles';

export const SETTINGS_PATH = '/settings';

export interface SettingsTab {
  path: string;
  label: string;
  icon: 'users' | 'link' | 'apiKey' | 'history' | 'user' | 'globe' | 'shield';
  /** Without one, every member sees the tab. */
  requires?: Action;
}

export const SETTINGS_TABS: readonly SettingsTab[] = [
  { path: `${SETTINGS_PATH}/members`, label: 'Members', icon: 'users', requires: 'members.manage' },
  { path: `${SETTINGS_PATH}/invites`, label: 'Invites', icon: 'link', requires: 'invites.manage' },
  { path: `${SETTINGS_PATH}/api-keys`, label: 'API keys', icon: 'apiKey', requires: 'apiKeys.manage' },
  { path: `${SETTINGS_PATH}/audit`, label: 'Audit log', icon: 'history', requires: 'audit.read' },
  { path: `${SETTINGS_PATH}/network`, label: 'Network', icon: 'globe', requires: 'settings.manage' },
  { path: `${SETTINGS_PATH}/sso`, label: 'Single sign-on', icon: 'shield', requires: 'instance.manage' },
  { path: `${SETTINGS_PATH}/account`, label: 'Account', icon: 'user' },
];

/** The settings tabs a role may open, in display order. */
export function settingsTabsFor(params: { role: Role | null | undefined }): SettingsTab[] {
  return SETTINGS_TABS.filter((tab) => !tab.requires || can({ role: params.role, action: tab.requires }));
}

/** Where `/settings` itself leads: the first tab the role may open (Account for everyone). */
export function defaultSettingsPath(params: { role: Role | null | undefined }): string {
  return settingsTabsFor(params)[0]?.path ?? `${SETTINGS_PATH}/account`;
}
