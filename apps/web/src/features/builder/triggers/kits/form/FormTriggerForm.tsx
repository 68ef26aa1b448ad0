import { useId, useState } from 'react';
import { Field, TextInput } from '../../../../../ui';
import type { TriggerFormProps } from '../../web-trigger-kit';

/** The form's title, its fields (as JSON for now) and what follows sending. */
export function FormTriggerForm({ trigger, set, readOnly }: TriggerFormProps) {
  const text = (field: string) => (typeof trigger[field] === 'string' ? (trigger[field] as string) : '');
  const fieldsId = useId();
  const [fieldsText, setFieldsText] = useState(() => JSON.stringify(trigger.fields ?? [], null, 2));
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="sy-trigger-kit">
      <TextInput label="Title" value={text('title')} readOnly={readOnly} onChange={(v) => set('title', v)} />
      <Field
        label="Fields (JSON)"
        htmlFor={fieldsId}
        description='Each: { "name", "label", "type": text | email | number | choice | date | longtext, "required", "options" (choice) }'
        errors={error ? [error] : []}
        errorId={`${fieldsId}-errors`}
      >
        <textarea
          id={fieldsId}
          className="sy-input sy-input--mono"
          rows={8}
          value={fieldsText}
          readOnly={readOnly}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${fieldsId}-errors` : undefined}
          onChange={(event) => {
            setFieldsText(event.target.value);
            try {
              set('fields', JSON.parse(event.target.value) as unknown);
              setError(null);
            } catch (err) {
              setError(`Not valid JSON: ${(err as Error).message}`);
            }
          }}
        />
      </Field>
      <TextInput
        label="Thank-you message"
        optional
        value={text('thankYou')}
        readOnly={readOnly}
        onChange={(v) => set('thankYou', v || undefined)}
      />
      <TextInput
        label="Redirect after sending"
        optional
        placeholder="https://example.com/thanks"
        value={text('redirectUrl')}
        readOnly={readOnly}
        onChange={(v) => set('redirectUrl', v || undefined)}
      />
    </div>
  );
}
