export const NETWORK_SETTINGS_PATH = '/settings/network';
