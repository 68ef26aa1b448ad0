import { MIN_PASSWORD_LENGTH } from '@switchyard/contract';

/** The shortest password the form lets through (the contract's); the API checks it again. */
export { MIN_PASSWORD_LENGTH };

/** What is wrong with a new password before it is sent, by field; empty when it may be sent. */
export function checkNewPassword(params: { current: string; next: string; confirm: string }): {
  newPassword?: string;
  confirm?: string;
  currentPassword?: string;
} {
  const { current, next, confirm } = params;
  const problems: { newPassword?: string; confirm?: string; currentPassword?: string } = {};
  if (!current) problems.currentPassword = 'Type your current password.';
  if (next.length < MIN_PASSWORD_LENGTH) problems.newPassword = `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  else if (next === current) problems.newPassword = 'Choose a password different from the current one.';
  if (confirm !== next) problems.confirm = 'The two new passwords differ.';
  return problems;
}
