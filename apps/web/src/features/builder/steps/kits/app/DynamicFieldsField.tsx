import { templatesOf, type AppAction, type AppDefinition, type AppField, type DynamicFieldDescriptor } from '@switchyard/engine';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { loadDynamicFields, queryKeys } from '../../../../../api';
import { Field } from '../../../../../ui';
import { ExpressionField } from '../../form-parts/ExpressionField';
import './DynamicFieldsField.css';

const TYPE_HINTS: Partial<Record<DynamicFieldDescriptor['type'], string>> = {
  number: 'A number.',
  date: 'A date (ISO 8601: 2024-05-01 or 2024-05-01T12:00:00Z).',
  url: 'A URL.',
  email: 'An e-mail address.',
  phone: 'A phone number.',
};

/**
 * Fields read from the app (the properties of the chosen Notion database), reloaded when a field
 * they depend on changes, each shown by its type: text with `{{ }}`, yes/no, a choice, several
 * choices. The step keeps them as a JSON object of templates by key; "Enter an expression" takes
 * JSONata giving the whole object instead.
 */
export function DynamicFieldsField(props: {
  id: string;
  app: AppDefinition;
  action: AppAction;
  field: AppField;
  connectionId: string | undefined;
  input: Record<string, string>;
  value: string;
  stepIndex: number;
  errors: string[];
  onChange: (value: string) => void;
  renderExpression: () => React.ReactNode;
}) {
  const { app, action, field, connectionId } = props;
  const templates = templatesOf(props.value);
  const [expression, setExpression] = useState(props.value.trim() !== '' && !templates);
  const depends = Object.fromEntries((field.fields?.dependsOn ?? []).map((name) => [name, props.input[name] ?? '']));
  const missing = Object.entries(depends)
    .filter(([, v]) => v === '' || v.includes('{{'))
    .map(([k]) => k);
  const request = { app: app.key, action: action.key, field: field.name, connectionId, input: depends };
  const loaded = useQuery({
    queryKey: queryKeys.dynamicFields(request),
    queryFn: ({ signal }) => loadDynamicFields({ request, signal }),
    enabled: !expression && connectionId !== undefined && missing.length === 0,
    staleTime: 60_000,
  });
  const toggle = (
    <button type="button" className="sy-link-button" onClick={() => setExpression(!expression)}>
      {expression ? 'Fill in the fields' : 'Enter an expression'}
    </button>
  );
  if (expression)
    return (
      <div className="sy-dynamic-fields">
        {props.renderExpression()}
        {toggle}
      </div>
    );
  const values = templates ?? {};
  const set = (key: string, next: string) => {
    const copy = { ...values };
    if (next === '') delete copy[key];
    else copy[key] = next;
    props.onChange(Object.keys(copy).length > 0 ? JSON.stringify(copy) : '');
  };
  const hint = !connectionId
    ? 'Choose a connection to load the fields.'
    : missing.length > 0
      ? `Choose ${missing.join(', ')} first.`
      : loaded.isError
        ? `Could not load the fields: ${(loaded.error as Error).message}`
        : loaded.isFetching
          ? 'Loading…'
          : undefined;
  return (
    <fieldset className="sy-dynamic-fields" aria-describedby={`${props.id}-hint`}>
      <legend className="sy-field__label">
        {field.label}
        {field.required ? null : <span className="sy-field__optional"> optional</span>}
      </legend>
      <p id={`${props.id}-hint`} className="sy-field__description">
        {hint ?? field.help}
      </p>
      {(loaded.data?.fields ?? []).map((descriptor, index) => (
        <DescriptorEditor
          key={descriptor.key}
          id={`${props.id}-${index}`}
          descriptor={descriptor}
          value={values[descriptor.key] ?? ''}
          stepIndex={props.stepIndex}
          fieldLabel={field.label}
          onChange={(next) => set(descriptor.key, next)}
        />
      ))}
      {props.errors.length > 0 ? (
        <div role="alert">
          <ul className="sy-field__errors">
            {props.errors.map((message, i) => (
              <li key={i}>{message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {toggle}
    </fieldset>
  );
}

function DescriptorEditor(props: {
  id: string;
  descriptor: DynamicFieldDescriptor;
  value: string;
  stepIndex: number;
  fieldLabel: string;
  onChange: (value: string) => void;
}) {
  const { id, descriptor: d, value } = props;
  if (d.type === 'boolean' || d.type === 'choice') {
    const choices =
      d.type === 'boolean'
        ? [
            { label: 'Yes', value: 'true' },
            { label: 'No', value: 'false' },
          ]
        : (d.options ?? []);
    return (
      <Field label={d.label} htmlFor={id} optional={!d.required}>
        <select id={id} className="sy-select" value={value} onChange={(e) => props.onChange(e.target.value)}>
          <option value="">{d.required ? 'Choose…' : 'None'}</option>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
          {value && !choices.some((c) => c.value === value) ? <option value={value}>{value}</option> : null}
        </select>
      </Field>
    );
  }
  if (d.type === 'multi-choice') {
    // Kept as names separated by commas (Notion option names cannot contain a comma).
    const chosen = value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    const toggle = (name: string, on: boolean) => props.onChange((on ? [...chosen, name] : chosen.filter((c) => c !== name)).join(', '));
    return (
      <fieldset className="sy-dynamic-fields__choices">
        <legend className="sy-field__label">
          {d.label}
          {d.required ? null : <span className="sy-field__optional"> optional</span>}
        </legend>
        {(d.options ?? []).map((option) => (
          <label key={option.value} className="sy-dynamic-fields__check">
            <input type="checkbox" checked={chosen.includes(option.value)} onChange={(e) => toggle(option.value, e.target.checked)} />{' '}
            {option.label}
          </label>
        ))}
      </fieldset>
    );
  }
  return (
    <ExpressionField
      id={id}
      label={d.label}
      targetLabel={`Step ${props.stepIndex + 1} · ${props.fieldLabel} · ${d.label}`}
      description={TYPE_HINTS[d.type]}
      value={value}
      onChange={props.onChange}
      stepIndex={props.stepIndex}
      kind="template"
      singleLine={d.type !== 'long-text'}
      optional={!d.required}
      issues={[]}
    />
  );
}
