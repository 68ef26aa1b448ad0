import { setupSchema } from '@switchyard/contract';

export type SetupField = 'name' | 'email' | 'password' | 'confirm';

/**
 * Every problem of the setup form at once, by field, checked in the browser with the contract's own
 * rules (the api checks them again): `{ password: ['Password must be at least 10 characters'] }`.
 */
export function checkSetupForm(params: {
  name: string;
  email: string;
  password: string;
  confirm: string;
}): Partial<Record<SetupField, string[]>> {
  const { name, email, password, confirm } = params;
  const problems: Partial<Record<SetupField, string[]>> = {};
  const add = (field: SetupField, message: string) => (problems[field] ??= []).push(message);
  const labels: Record<string, string> = { name: 'Name', email: 'Email', password: 'Password' };
  const result = setupSchema.safeParse({ email, password, name: name.trim() || undefined });
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0]) as SetupField;
      add(field, `${labels[field] ?? field} ${issue.message}`);
    }
  }
  if (confirm !== password) add('confirm', 'The passwords differ');
  return problems;
}
