import { useId } from 'react';
import type { Role } from '../../api';
import { Field } from '../../ui';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../workspaces/roles';

/** A labelled role picker for forms (invite, API key); the chosen role's meaning shows under it. */
export function RoleField({
  label = 'Role',
  value,
  roles,
  onChange,
}: {
  label?: string;
  value: Role;
  roles: Role[];
  onChange: (role: Role) => void;
}) {
  const id = useId();
  return (
    <Field label={label} htmlFor={id} description={ROLE_DESCRIPTIONS[value]}>
      <select id={id} className="sy-input" value={value} onChange={(event) => onChange(event.target.value as Role)}>
        {roles.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </select>
    </Field>
  );
}
