import { useId, useState } from 'react';
import type { Credential, CredentialTypeDescriptor } from '../../api';
import { Button, CopyButton, Dialog, ErrorState, LoadingState, Select, TextInput } from '../../ui';
import { credentialData, fieldErrors, initialValues, missingFields } from './credential-form';
import { InlineCode } from './InlineCode';
import { useCreateCredential, useCredentialTypes, useUpdateCredential } from './use-credentials';

export interface CredentialDialogProps {
  /** Edit this credential (rename, replace secrets) instead of creating one. */
  credential?: Credential;
  /** Only offer these types (e.g. what an http step can authenticate with). */
  types?: readonly string[];
  onClose: () => void;
  onSaved?: (credential: Credential) => void;
}

/** Creates or edits a credential; the form is generated from the credential type registry. Mount it to open it. */
export function CredentialDialog(props: CredentialDialogProps) {
  const types = useCredentialTypes();
  const title = props.credential ? `Edit “${props.credential.name}”` : 'Add a credential';
  if (!types.data) {
    return (
      <Dialog open title={title} onClose={props.onClose} actions={<Button onClick={props.onClose}>Cancel</Button>}>
        {types.isError ? (
          <ErrorState title="Could not load credential types" error={types.error} />
        ) : (
          <LoadingState label="Loading credential types…" />
        )}
      </Dialog>
    );
  }
  const offered = types.data.filter((t) =>
    props.credential ? t.type === props.credential.type : !props.types || props.types.includes(t.type),
  );
  return <CredentialForm {...props} title={title} offered={offered} />;
}

function CredentialForm({
  credential,
  offered,
  onClose,
  onSaved,
  title,
}: CredentialDialogProps & { title: string; offered: CredentialTypeDescriptor[] }) {
  const formId = useId();
  const mode = credential ? 'update' : 'create';
  const [type, setType] = useState(credential?.type ?? offered[0]?.type ?? '');
  const descriptor = offered.find((t) => t.type === type) ?? offered[0];
  const [name, setName] = useState(credential?.name ?? '');
  const [values, setValues] = useState<Record<string, string>>(() => (descriptor ? initialValues(descriptor, credential) : {}));
  const [touched, setTouched] = useState(false);
  const [revealedSecret, setRevealedSecret] = useState<string | null>(null);
  const [notices, setNotices] = useState<NonNullable<Credential['notices']>>([]);
  const create = useCreateCredential();
  const update = useUpdateCredential();
  const mutation = credential ? update : create;
  const serverErrors = fieldErrors(mutation.error);

  if (!descriptor) return null;
  const missing = missingFields({ descriptor, values, mode });
  const nameMissing = name.trim() === '';

  function chooseType(next: string) {
    const d = offered.find((t) => t.type === next);
    setType(next);
    if (d) setValues(initialValues(d));
    create.reset();
  }

  function submit() {
    setTouched(true);
    if (!descriptor || nameMissing || missing.length > 0) return;
    const data = credentialData({ descriptor, values, mode });
    if (credential)
      update.mutate(
        { id: credential.id, change: { name: name.trim(), data } },
        {
          onSuccess: (saved) => {
            onSaved?.(saved);
            if (saved.notices?.length) setNotices(saved.notices);
            else onClose();
          },
        },
      );
    else
      create.mutate(
        { name: name.trim(), type: descriptor.type, data },
        {
          onSuccess: (saved) => {
            onSaved?.(saved);
            // A generated signing secret is shown this once: the receiver of the webhooks needs it.
            if (saved.generatedSecret) setRevealedSecret(saved.generatedSecret);
            else if (saved.notices?.length) setNotices(saved.notices);
            else onClose();
          },
        },
      );
  }

  if (notices.length > 0) {
    return (
      <Dialog
        open
        title="Saved, with a correction"
        onClose={onClose}
        actions={
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        }
      >
        <ul className="sy-credential-form__notices" aria-label="What Switchyard corrected">
          {notices.map((notice) => (
            <li key={notice.path}>
              <strong>{descriptor?.fields.find((f) => `data.${f.name}` === notice.path)?.label ?? notice.path}</strong> {notice.message}
            </li>
          ))}
        </ul>
      </Dialog>
    );
  }

  if (revealedSecret !== null) {
    return (
      <Dialog
        open
        title="Copy the signing secret"
        onClose={onClose}
        actions={
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        }
      >
        <p className="sy-credential-form__help">
          Give this secret to the receiver of your webhooks so it can verify their signatures. You won&apos;t see it again: Switchyard keeps
          it encrypted and shows only a hint.
        </p>
        <div className="sy-credential-form__generated">
          <code aria-label="Generated signing secret">{revealedSecret}</code>
          <CopyButton text={revealedSecret} label="Copy secret" />
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog
      open
      title={title}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form={formId} loading={mutation.isPending}>
            {credential ? 'Save' : 'Add credential'}
          </Button>
        </>
      }
    >
      <form
        id={formId}
        className="sy-credential-form"
        autoComplete="off"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {credential ? null : (
          <Select
            label="Type"
            value={descriptor.type}
            onChange={chooseType}
            options={offered.map((t) => ({ value: t.type, label: t.label }))}
          />
        )}
        <p className="sy-credential-form__help">
          <InlineCode text={descriptor.help} />
        </p>
        <TextInput
          label="Name"
          description="How steps and this list show it, e.g. “Shop API (production)”."
          value={name}
          onChange={setName}
          maxLength={200}
          autoFocus
          errors={[...(touched && nameMissing ? ['Give it a name'] : []), ...(serverErrors.name ?? [])]}
        />
        {descriptor.fields.map((field) => {
          const hint = credential?.hints[field.name];
          const generated = descriptor.type === 'webhook-signing-secret' && field.name === 'secret';
          return (
            <TextInput
              key={`${descriptor.type}-${field.name}`}
              label={field.label}
              type={field.secret ? 'password' : 'text'}
              autoComplete={field.secret ? 'new-password' : 'off'}
              spellCheck={false}
              optional={!field.required || (field.secret && mode === 'update')}
              description={
                field.secret && hint ? (
                  <>
                    Stored: <code>{hint}</code>. Leave empty to keep it, or type a new value to replace it.
                  </>
                ) : generated && mode === 'create' ? (
                  'Leave empty to generate one.'
                ) : field.help ? (
                  <InlineCode text={field.help} />
                ) : field.secret ? (
                  'Encrypted when saved; it is never shown again.'
                ) : undefined
              }
              placeholder={field.placeholder}
              value={values[field.name] ?? ''}
              onChange={(value) => setValues((old) => ({ ...old, [field.name]: value }))}
              errors={[
                ...(touched && missing.includes(field.name) ? [`${field.label} is required`] : []),
                ...(serverErrors[field.name] ?? []),
              ]}
            />
          );
        })}
      </form>
      {mutation.isError && Object.keys(serverErrors).length === 0 ? (
        <ErrorState title="Could not save the credential" error={mutation.error} />
      ) : null}
    </Dialog>
  );
}
