import { HTTP_METHODS } from '@switchyard/engine';
import { useId } from 'react';
import { Button, Field, TextInput } from '../../../ui';
import { CredentialSelect, HTTP_AUTH_CREDENTIAL_TYPES } from '../../credentials';
import { issuesFor, stepTarget, type BuilderIssue } from '../state/builder-issues';
import type { DraftStep } from '../state/workflow-draft';
import { isPlaceholderUrl } from '../templates/workflow-templates';
import { HttpSigningField } from './AppActionForms';
import { ExpressionField } from './ExpressionField';

export interface StepFormProps {
  entry: DraftStep;
  index: number;
  issues: BuilderIssue[];
  setField: (field: string, value: unknown) => void;
}

function fieldIssues(props: StepFormProps, field: string, nested = false): BuilderIssue[] {
  return issuesFor({ issues: props.issues, target: stepTarget(props.entry.key, field), nested });
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function stepLabel(index: number, field: string): string {
  return `Step ${index + 1} · ${field}`;
}

export function MapStepForm(props: StepFormProps) {
  const { entry, index, setField } = props;
  return (
    <ExpressionField
      id={`step-${entry.key}-expression`}
      label="Output"
      targetLabel={stepLabel(index, 'Output')}
      description={
        <>
          A JSONata expression; its result is this step&apos;s output, <code>steps.{entry.step.id}</code> for later steps. Click fields in
          the data panel to insert them.
        </>
      }
      value={text(entry.step.expression)}
      onChange={(value) => setField('expression', value)}
      stepIndex={index}
      kind="value"
      placeholder={'{ "email": trigger.body.email, "plan": trigger.body.plan }'}
      issues={fieldIssues(props, 'expression')}
    />
  );
}

export function FilterStepForm(props: StepFormProps) {
  const { entry, index, setField } = props;
  return (
    <ExpressionField
      id={`step-${entry.key}-condition`}
      label="Continue only if"
      targetLabel={stepLabel(index, 'Condition')}
      description="A JSONata condition. When it is false, empty or missing, the run stops here as filtered."
      value={text(entry.step.condition)}
      onChange={(value) => setField('condition', value)}
      stepIndex={index}
      kind="condition"
      placeholder={'trigger.body.amount > 100 and trigger.body.currency = "EUR"'}
      issues={fieldIssues(props, 'condition')}
    />
  );
}

export function HeadersEditor(props: StepFormProps) {
  const { entry, index, setField } = props;
  const headers = (entry.step.headers && typeof entry.step.headers === 'object' ? entry.step.headers : {}) as Record<string, string>;
  const rows = Object.entries(headers);
  const issues = fieldIssues(props, 'headers', true).filter((issue) => issue.position === undefined);

  function update(rowIndex: number, name: string, value: string) {
    const next = rows.map(([key, current], position) => (position === rowIndex ? [name, value] : [key, current]));
    setField('headers', Object.fromEntries(next));
  }

  return (
    <fieldset className="sy-step-form__headers">
      <legend className="sy-field__label">Headers</legend>
      <p className="sy-field__description">Values may use {'{{ placeholders }}'}.</p>
      {rows.map(([name, value], rowIndex) => (
        <div className="sy-step-form__header-row" key={rowIndex}>
          <input
            className="sy-input sy-input--mono"
            aria-label={`Header ${rowIndex + 1} name`}
            placeholder="Authorization"
            value={name}
            onChange={(event) => update(rowIndex, event.target.value, value)}
          />
          <ExpressionField
            id={`step-${entry.key}-header-${rowIndex}`}
            label={`Header ${rowIndex + 1} value`}
            targetLabel={stepLabel(index, `Header ${name || rowIndex + 1}`)}
            value={value}
            onChange={(next) => update(rowIndex, name, next)}
            stepIndex={index}
            kind="template"
            placeholder="Bearer {{ … }}"
            issues={fieldIssues(props, `headers.${name}`)}
          />
          <Button
            variant="ghost"
            size="sm"
            icon="close"
            aria-label={`Remove header ${name || rowIndex + 1}`}
            title="Remove header"
            onClick={() => setField('headers', Object.fromEntries(rows.filter((_, position) => position !== rowIndex)))}
          />
        </div>
      ))}
      {issues.length ? (
        <ul className="sy-field__errors" role="alert">
          {issues.map((issue, position) => (
            <li key={position}>{issue.message}</li>
          ))}
        </ul>
      ) : null}
      <div>
        <Button
          size="sm"
          icon="plus"
          onClick={() => setField('headers', { ...headers, [rows.some(([key]) => key === '') ? `X-Header-${rows.length + 1}` : '']: '' })}
        >
          Add header
        </Button>
      </div>
    </fieldset>
  );
}

export function HttpStepForm(props: StepFormProps) {
  const { entry, index, setField } = props;
  const timeoutId = useId();
  const method = text(entry.step.method) || 'POST';
  const url = text(entry.step.url);
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return (
    <>
      <div className="sy-step-form__row">
        <Field label="Method" htmlFor={`step-${entry.key}-method`} errors={fieldIssues(props, 'method').map((issue) => issue.message)}>
          <select
            id={`step-${entry.key}-method`}
            className="sy-select sy-step-form__method"
            value={method}
            onChange={(event) => setField('method', event.target.value)}
          >
            {HTTP_METHODS.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </Field>
        <div className="sy-step-form__grow">
          <ExpressionField
            id={`step-${entry.key}-url`}
            label="URL"
            targetLabel={stepLabel(index, 'URL')}
            value={url}
            onChange={(value) => setField('url', value)}
            stepIndex={index}
            kind="template"
            placeholder="https://hooks.slack.com/services/…"
            issues={fieldIssues(props, 'url')}
            hint={isPlaceholderUrl(url) ? <p className="sy-step-form__todo">Replace this example address with your own.</p> : null}
          />
        </div>
      </div>
      <CredentialSelect
        id={`step-${entry.key}-credential`}
        label="Authentication"
        description="A stored credential whose token or login is added to the request headers (masked in the run history)."
        noneLabel="None"
        types={HTTP_AUTH_CREDENTIAL_TYPES}
        value={text(entry.step.credentialId) || undefined}
        onChange={(id) => setField('credentialId', id)}
        errors={fieldIssues(props, 'credentialId').map((issue) => issue.message)}
      />
      <HttpSigningField {...props} />
      <HeadersEditor {...props} />
      {hasBody ? (
        <ExpressionField
          id={`step-${entry.key}-body`}
          label="Body"
          targetLabel={stepLabel(index, 'Body')}
          description="A JSONata expression; objects are sent as JSON, text as text. Leave empty to send no body."
          value={text(entry.step.body)}
          onChange={(value) => setField('body', value)}
          stepIndex={index}
          kind="value"
          optional
          placeholder="steps.message"
          issues={fieldIssues(props, 'body')}
        />
      ) : null}
      <TextInput
        id={timeoutId}
        label="Time limit (ms)"
        optional
        type="number"
        inputMode="numeric"
        min={1}
        max={120000}
        placeholder="10000"
        className="sy-step-form__timeout"
        value={typeof entry.step.timeoutMs === 'number' ? String(entry.step.timeoutMs) : ''}
        errors={fieldIssues(props, 'timeoutMs').map((issue) => issue.message)}
        onChange={(value) => setField('timeoutMs', value === '' ? undefined : Number(value))}
      />
    </>
  );
}

export function UnknownStepForm({ entry }: StepFormProps) {
  return (
    <p className="sy-muted">
      This builder cannot edit <code>{entry.step.type}</code> steps yet; it keeps them as they are.
    </p>
  );
}
