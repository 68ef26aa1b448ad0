import type { ApiError } from '../../api';

/** The sign-in page's message for a failed sign-in; a lockout names the time it ends. */
export function signInErrorMessage(error: ApiError, lockedUntil: string | null, locale?: string): string {
  if (error.code === 'account_locked' && lockedUntil) {
    const until = new Date(lockedUntil);
    const time = until.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
    return `Too many failed sign-ins. Sign-in is locked until ${time}.`;
  }
  if (error.code === 'invalid_credentials') return 'The email or the password is wrong.';
  return error.message;
}
