import {
  APP_CATEGORIES,
  APPS,
  EXPRESSION_FIELD_KINDS,
  findApp,
  findAppAction,
  type AppAction,
  type AppDefinition,
  type AppField,
} from '@switchyard/engine';
import { useState } from 'react';
import { Field } from '../../../../../ui';
import { ConnectionSelect } from '../../../../connections';
import { issuesFor, stepTarget } from '../../../state/builder-issues';
import { ExpressionField } from '../../form-parts/ExpressionField';
import type { StepFormProps } from '../step-form';
import { AppBadge } from './AppBadge';
import { DynamicChoiceField } from './DynamicChoiceField';
import { DynamicFieldsField } from './DynamicFieldsField';

/** The searchable catalogue: apps grouped by category, with their initials and one line each. */
function AppPicker(props: { onPick: (app: AppDefinition) => void }) {
  const [search, setSearch] = useState('');
  const found = APPS.filter((app) =>
    `${app.name} ${app.description} ${app.actions.map((a) => a.label).join(' ')}`.toLowerCase().includes(search.toLowerCase()),
  );
  return (
    <div className="sy-app-picker">
      <input
        className="sy-input"
        aria-label="Search apps"
        placeholder="Search apps and actions…"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      {APP_CATEGORIES.filter((c) => found.some((a) => a.category === c)).map((category) => (
        <section key={category} aria-label={category}>
          <h4 className="sy-app-picker__category">{category}</h4>
          {found
            .filter((a) => a.category === category)
            .map((app) => (
              <button key={app.key} type="button" className="sy-app-picker__app" onClick={() => props.onPick(app)}>
                <AppBadge app={app} /> <strong>{app.name}</strong> <span>{app.description}</span>
              </button>
            ))}
        </section>
      ))}
    </div>
  );
}

function FieldEditor(props: StepFormProps<'app'> & { app: AppDefinition; action: AppAction; field: AppField }) {
  const { entry, index, app, action, field } = props;
  const input = (entry.step.input ?? {}) as Record<string, string>;
  const value = input[field.name] ?? '';
  const id = `step-${entry.key}-input-${field.name}`;
  const issues = issuesFor({ issues: props.issues, target: stepTarget(entry.key, `input.${field.name}`) });
  const set = (next: string) => {
    const copy = { ...input };
    if (next === '') delete copy[field.name];
    else copy[field.name] = next;
    props.setField('input', copy);
  };
  const expression = EXPRESSION_FIELD_KINDS.includes(field.kind) || field.kind === 'dynamic-fields';
  const editor = () => (
    <ExpressionField
      id={id}
      label={field.label}
      targetLabel={`Step ${index + 1} · ${field.label}`}
      description={field.help ?? (expression ? 'A JSONata expression.' : undefined)}
      value={value}
      onChange={set}
      stepIndex={index}
      kind={expression ? 'value' : 'template'}
      singleLine={expression ? undefined : field.kind !== 'long-text'}
      optional={!field.required}
      placeholder={field.placeholder}
      issues={issues}
    />
  );
  if (field.kind === 'dynamic-choice')
    return (
      <DynamicChoiceField
        id={id}
        app={app}
        action={action}
        field={field}
        connectionId={entry.step.connectionId || undefined}
        input={input}
        value={value}
        errors={issues.map((i) => i.message)}
        onChange={set}
        renderCustom={editor}
      />
    );
  if (field.kind === 'dynamic-fields')
    return (
      <DynamicFieldsField
        id={id}
        app={app}
        action={action}
        field={field}
        connectionId={entry.step.connectionId || undefined}
        input={input}
        value={value}
        stepIndex={index}
        errors={issues.map((i) => i.message)}
        onChange={set}
        renderExpression={editor}
      />
    );
  if (field.kind === 'choice' || field.kind === 'boolean') {
    const choices =
      field.kind === 'boolean'
        ? [
            { label: 'Yes', value: 'true' },
            { label: 'No', value: 'false' },
          ]
        : (field.choices ?? []);
    return (
      <Field label={field.label} htmlFor={id} description={field.help} errors={issues.map((i) => i.message)} optional={!field.required}>
        <select id={id} className="sy-select" value={value} onChange={(e) => set(e.target.value)}>
          <option value="">{field.required ? 'Choose…' : 'None'}</option>
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
  return editor();
}

/** The one form of every app action: app, action, connection, then the action's fields as declared. */
export function AppStepForm(props: StepFormProps<'app'>) {
  const { entry, setField } = props;
  const app = entry.step.app ? findApp(entry.step.app) : undefined;
  const action = app && entry.step.action ? findAppAction(app, entry.step.action) : undefined;
  const issuesOf = (field: string) => issuesFor({ issues: props.issues, target: stepTarget(entry.key, field) }).map((i) => i.message);
  if (!app)
    return (
      <AppPicker
        onPick={(picked) => {
          setField('app', picked.key);
          setField('action', '');
          setField('input', {});
        }}
      />
    );
  return (
    <>
      <Field label="App" htmlFor={`step-${entry.key}-app`}>
        <div className="sy-app-current" id={`step-${entry.key}-app`}>
          <AppBadge app={app} /> {app.name}{' '}
          <button type="button" className="sy-link-button" onClick={() => setField('app', '')}>
            Change
          </button>
        </div>
      </Field>
      <Field label="Action" htmlFor={`step-${entry.key}-action`} errors={issuesOf('action')} description={action?.description}>
        <select
          id={`step-${entry.key}-action`}
          className="sy-select"
          value={entry.step.action ?? ''}
          onChange={(e) => {
            setField('action', e.target.value);
            setField('input', {});
          }}
        >
          <option value="">Choose an action…</option>
          {app.actions.map((a) => (
            <option key={a.key} value={a.key}>
              {a.label}
            </option>
          ))}
        </select>
      </Field>
      {app.auth.kind !== 'none' ? (
        <ConnectionSelect
          id={`step-${entry.key}-connectionId`}
          app={app}
          value={entry.step.connectionId || undefined}
          errors={issuesOf('connectionId')}
          onChange={(id) => setField('connectionId', id ?? '')}
        />
      ) : null}
      {action?.fields.map((field) => (
        <FieldEditor key={`${action.key}-${field.name}`} {...props} app={app} action={action} field={field} />
      ))}
    </>
  );
}
