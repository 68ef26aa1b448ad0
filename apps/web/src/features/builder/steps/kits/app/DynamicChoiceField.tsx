import type { AppAction, AppDefinition, AppField } from '@switchyard/engine';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { loadFieldOptions, queryKeys } from '../../../../../api';
import { Field } from '../../../../../ui';

/**
 * A live list: the field's entries read through the connection (reloaded when a field it depends
 * on changes), with a search box, and "Enter a value" for an id or a `{{ }}` template instead.
 */
export function DynamicChoiceField(props: {
  id: string;
  app: AppDefinition;
  action: AppAction;
  field: AppField;
  connectionId: string | undefined;
  input: Record<string, string>;
  value: string;
  errors: string[];
  onChange: (value: string) => void;
  renderCustom: () => React.ReactNode;
}) {
  const { app, action, field, connectionId } = props;
  const [custom, setCustom] = useState(props.value.includes('{{'));
  const [search, setSearch] = useState('');
  const depends = Object.fromEntries((field.options?.dependsOn ?? []).map((name) => [name, props.input[name] ?? '']));
  const missing = Object.entries(depends)
    .filter(([, v]) => v === '' || v.includes('{{'))
    .map(([k]) => k);
  const request = { app: app.key, action: action.key, field: field.name, connectionId, input: depends };
  const options = useQuery({
    queryKey: queryKeys.fieldOptions(request),
    queryFn: ({ signal }) => loadFieldOptions({ request, signal }),
    enabled: !custom && connectionId !== undefined && missing.length === 0,
    staleTime: 60_000,
  });
  const items = (options.data?.items ?? []).filter((i) => !search || `${i.label} ${i.value}`.toLowerCase().includes(search.toLowerCase()));
  const toggle = (
    <button type="button" className="sy-link-button" onClick={() => setCustom(!custom)}>
      {custom ? 'Choose from the list' : 'Enter a value'}
    </button>
  );
  if (custom)
    return (
      <div className="sy-dynamic-choice">
        {props.renderCustom()}
        {toggle}
      </div>
    );
  const hint = !connectionId
    ? 'Choose a connection to load the list.'
    : missing.length > 0
      ? `Choose ${missing.join(', ')} first.`
      : options.isError
        ? `Could not load the list: ${(options.error as Error).message}`
        : undefined;
  return (
    <Field label={field.label} htmlFor={props.id} description={hint ?? field.help} errors={props.errors} optional={!field.required}>
      <div className="sy-dynamic-choice">
        <input
          className="sy-input"
          aria-label={`Search ${field.label}`}
          placeholder="Search…"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <select
          id={props.id}
          className="sy-select"
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          disabled={options.isFetching}
        >
          <option value="">{options.isFetching ? 'Loading…' : `Choose ${field.label.toLowerCase()}…`}</option>
          {props.value && !items.some((i) => i.value === props.value) ? <option value={props.value}>{props.value}</option> : null}
          {items.map((item) => (
            <option key={item.value} value={item.value}>
              {item.label}
            </option>
          ))}
        </select>
        {toggle}
      </div>
    </Field>
  );
}
