import { useId, useState } from 'react';
import { Link } from 'react-router';
import { Field } from '../../ui';
import { CredentialDialog } from './CredentialDialog';
import { useCredentials, useCredentialTypes } from './use-credentials';

const ADD_NEW = '__add_new__';

export interface CredentialSelectProps {
  /** Credential types the step accepts; all when omitted. */
  types?: readonly string[];
  /** The selected credential id, or undefined for none. */
  value: string | undefined;
  onChange: (credentialId: string | undefined) => void;
  label?: string;
  description?: string;
  /** The text of the empty choice. */
  noneLabel?: string;
  errors?: string[];
  id?: string;
}

/** Picks a stored credential for a step, with "Add a new credential…" inline. */
export function CredentialSelect({
  types,
  value,
  onChange,
  label = 'Credential',
  description,
  noneLabel = 'None',
  errors = [],
  id,
}: CredentialSelectProps) {
  const generated = useId();
  const selectId = id ?? generated;
  const credentials = useCredentials();
  const registry = useCredentialTypes();
  const [adding, setAdding] = useState(false);
  const offered = (credentials.data ?? []).filter((c) => !types || types.includes(c.type));
  const unknown = value !== undefined && credentials.isSuccess && !offered.some((c) => c.id === value);
  const typeLabel = (type: string) => registry.data?.find((t) => t.type === type)?.label ?? type;

  return (
    <Field
      label={label}
      htmlFor={selectId}
      description={description}
      errors={[...(unknown ? ['This credential no longer exists or cannot be used here: choose another.'] : []), ...errors]}
    >
      <div className="sy-credential-select">
        <select
          id={selectId}
          className="sy-select"
          value={value ?? ''}
          disabled={credentials.isPending}
          onChange={(event) => {
            if (event.target.value === ADD_NEW) setAdding(true);
            else onChange(event.target.value || undefined);
          }}
        >
          <option value="">{credentials.isPending ? 'Loading credentials…' : noneLabel}</option>
          {unknown ? <option value={value}>Unknown credential</option> : null}
          {offered.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({typeLabel(c.type)})
            </option>
          ))}
          <option value={ADD_NEW}>Add a new credential…</option>
        </select>
        {credentials.isError ? (
          <span className="sy-field__errors">
            Could not load credentials. <Link to="/credentials">Open Credentials</Link>
          </span>
        ) : null}
      </div>
      {adding ? <CredentialDialog types={types} onClose={() => setAdding(false)} onSaved={(saved) => onChange(saved.id)} /> : null}
    </Field>
  );
}
