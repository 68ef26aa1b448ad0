import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ApiError, queryKeys, rotateTriggerToken, type Workflow } from '../../../../../api';
import { getInstanceSettings } from '../../../../../api/settings.api';
import { Button, Dialog, Field, Select, TextInput } from '../../../../../ui';
import { TriggerUrl } from '../../../../workflows/TriggerUrl';
import { useBuilderContext } from '../../../builder-context';
import type { TriggerFormProps } from '../../web-trigger-kit';
import {
  addField,
  changeField,
  draftFields,
  FORM_FIELD_TYPE_OPTIONS,
  formAddress,
  moveField,
  optionsFromText,
  removeField,
} from './form-fields';
import './FormTriggerForm.css';

/** The form's public address, with Copy, Open and New address (token rotation). */
function FormAddress({ readOnly }: { readOnly: boolean }) {
  const { workflow } = useBuilderContext();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: queryKeys.instanceSettings(), queryFn: ({ signal }) => getInstanceSettings({ signal }) });
  const address = formAddress(workflow.trigger, settings.data?.effectivePublicUrl);
  const [confirming, setConfirming] = useState(false);
  const rotate = useMutation({
    mutationFn: () => rotateTriggerToken({ workflowId: workflow.id }),
    onSuccess: (saved) =>
      queryClient.setQueryData(queryKeys.workflow(workflow.id), (old: Workflow | undefined) => (old ? { ...old, ...saved } : saved)),
  });
  return (
    <div className="sy-field sy-form-address">
      <span className="sy-field__label">Form address</span>
      <p className="sy-field__description">
        {address.live
          ? 'Anyone with this link can fill in the form, without signing in. Each sending starts a run.'
          : 'The form opens at this address once the workflow is published with this trigger.'}
      </p>
      {address.url ? <TriggerUrl url={address.url} workflowName={workflow.name} /> : null}
      <div className="sy-form-address__actions">
        {address.live && address.url ? (
          <a className="sy-button sy-button--secondary sy-button--sm" href={address.url} target="_blank" rel="noreferrer">
            Open the form
          </a>
        ) : null}
        {!readOnly ? (
          <Button size="sm" variant="ghost" icon="refresh" loading={rotate.isPending} onClick={() => setConfirming(true)}>
            New address
          </Button>
        ) : null}
      </div>
      <Dialog
        open={confirming}
        title="Give the form a new address?"
        tone="danger"
        onClose={() => setConfirming(false)}
        actions={
          <>
            <Button onClick={() => setConfirming(false)}>Cancel</Button>
            <Button
              variant="danger"
              onClick={() => {
                setConfirming(false);
                rotate.mutate();
              }}
            >
              New address
            </Button>
          </>
        }
      >
        <p>The current link stops working at once: people who have it get “Form not found”. Share the new address instead.</p>
      </Dialog>
      {rotate.isSuccess ? (
        <p className="sy-field__description" role="status">
          The form has a new address; the old link no longer works.
        </p>
      ) : null}
      {rotate.error ? (
        <p className="sy-field__errors" role="alert">
          {rotate.error instanceof ApiError ? rotate.error.message : 'The address could not be changed.'}
        </p>
      ) : null}
    </div>
  );
}

/** The hosted form: its title and text, the fields people fill in, and what follows sending. */
export function FormTriggerForm({ trigger, set, readOnly }: TriggerFormProps) {
  const text = (field: string) => (typeof trigger[field] === 'string' ? (trigger[field] as string) : '');
  const fields = draftFields(trigger.fields);
  const descriptionId = useId();
  const thankYouId = useId();
  const baseId = useId();
  return (
    <div className="sy-trigger-kit sy-form-trigger">
      <FormAddress readOnly={readOnly} />
      <TextInput label="Title" value={text('title')} readOnly={readOnly} onChange={(v) => set('title', v)} />
      <Field label="Description" htmlFor={descriptionId} optional description="Shown under the title">
        <textarea
          id={descriptionId}
          className="sy-input"
          rows={3}
          value={text('description')}
          readOnly={readOnly}
          onChange={(event) => set('description', event.target.value || undefined)}
        />
      </Field>

      <div className="sy-form-fields" role="group" aria-labelledby={`${baseId}-fields`}>
        <h3 className="sy-form-fields__title" id={`${baseId}-fields`}>
          Fields
        </h3>
        <ol className="sy-form-fields__list">
          {fields.map((field, index) => {
            const id = `${baseId}-${index}`;
            const update = (change: Parameters<typeof changeField>[2]) => set('fields', changeField(fields, index, change));
            return (
              <li key={index} className="sy-form-field">
                <fieldset className="sy-form-field__box" disabled={readOnly}>
                  <legend className="sy-form-field__legend">
                    Field {index + 1}: {field.label || '(no label)'}
                  </legend>
                  <div className="sy-form-field__row">
                    <TextInput label="Label" value={field.label ?? ''} onChange={(label) => update({ label })} />
                    <Select label="Type" value={field.type} onChange={(type) => update({ type })} options={FORM_FIELD_TYPE_OPTIONS} />
                  </div>
                  <TextInput
                    label="Key"
                    description="Its name in trigger.body (letters, digits and _)"
                    value={field.name ?? ''}
                    onChange={(name) => update({ name })}
                  />
                  <TextInput label="Help text" optional value={field.help ?? ''} onChange={(help) => update({ help })} />
                  {field.type === 'choice' ? (
                    <Field label="Options" htmlFor={`${id}-options`} description="One per line">
                      <textarea
                        id={`${id}-options`}
                        className="sy-input"
                        rows={Math.min(8, Math.max(3, (field.options?.length ?? 0) + 1))}
                        value={(field.options ?? []).join('\n')}
                        onChange={(event) => update({ options: optionsFromText(event.target.value) })}
                      />
                    </Field>
                  ) : null}
                  <div className="sy-form-field__footer">
                    <label className="sy-form-field__required">
                      <input
                        type="checkbox"
                        checked={field.required === true}
                        onChange={(event) => update({ required: event.target.checked })}
                      />
                      Required
                    </label>
                    <span className="sy-form-field__moves">
                      <Button
                        size="sm"
                        variant="ghost"
                        disabled={index === 0}
                        aria-label={`Move field ${index + 1} up`}
                        onClick={() => set('fields', moveField(fields, index, -1))}
                      >
                        ↑
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        disabled={index === fields.length - 1}
                        aria-label={`Move field ${index + 1} down`}
                        onClick={() => set('fields', moveField(fields, index, 1))}
                      >
                        ↓
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        icon="trash"
                        aria-label={`Remove field ${index + 1}`}
                        onClick={() => set('fields', removeField(fields, index))}
                      />
                    </span>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        {!readOnly ? (
          <Button size="sm" icon="plus" onClick={() => set('fields', addField(fields))}>
            Add a field
          </Button>
        ) : null}
      </div>

      <TextInput
        label="Button text"
        optional
        placeholder="Send"
        value={text('submitLabel')}
        readOnly={readOnly}
        onChange={(v) => set('submitLabel', v || undefined)}
      />
      <Field label="Thank-you message" htmlFor={thankYouId} optional description="Shown after sending (unless a redirect is set)">
        <textarea
          id={thankYouId}
          className="sy-input"
          rows={2}
          value={text('thankYou')}
          readOnly={readOnly}
          onChange={(event) => set('thankYou', event.target.value || undefined)}
        />
      </Field>
      <TextInput
        label="Redirect after sending"
        optional
        description="Sends the person to this page instead of the message"
        placeholder="https://example.com/thanks"
        value={text('redirectUrl')}
        readOnly={readOnly}
        onChange={(v) => set('redirectUrl', v || undefined)}
      />
    </div>
  );
}
