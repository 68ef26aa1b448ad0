import type { ReactNode } from 'react';
import { Field, TextInput } from '../../../../ui';
import { CredentialSelect } from '../../../credentials';
import { issuesFor, stepTarget, type BuilderIssue } from '../../state/builder-issues';
import { stepField } from '../../state/step-draft';
import type { StepFormProps } from '../kits/step-form';
import { ExpressionField } from './ExpressionField';

// The parts of the app actions' forms (each in its kit). Templates and expressions use the same
// editor (with data pills and a live preview) as the core steps; settings are plain inputs.

function fieldIssues(props: StepFormProps, field: string): BuilderIssue[] {
  return issuesFor({ issues: props.issues, target: stepTarget(props.entry.key, field) });
}

export function messages(props: StepFormProps, field: string): string[] {
  return fieldIssues(props, field).map((issue) => issue.message);
}

export function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export type FieldProps = StepFormProps & {
  field: string;
  label: string;
  placeholder?: string;
  description?: ReactNode;
  optional?: boolean;
};

/**
 * A field of the step edited in the expression editor: text with `{{ }}` placeholders (`template`,
 * one line unless `multiline`) or a JSONata expression (`value`: a Slack `blocks` list, Discord
 * `embeds`, a webhook payload). An optional one is removed from the step when emptied.
 */
function StepField(props: FieldProps & { kind: 'template' | 'value'; multiline?: boolean }) {
  const { entry, index, setField, field, label, placeholder, description, optional, kind, multiline } = props;
  return (
    <ExpressionField
      id={`step-${entry.key}-${field}`}
      label={label}
      targetLabel={`Step ${index + 1} · ${label}`}
      description={description}
      value={text(stepField(entry.step, field))}
      onChange={(value) => setField(field, optional && value === '' ? undefined : value)}
      stepIndex={index}
      kind={kind}
      singleLine={kind === 'template' ? !multiline : undefined}
      optional={optional}
      placeholder={placeholder}
      issues={fieldIssues(props, field)}
    />
  );
}

export function TemplateField(props: FieldProps & { multiline?: boolean }) {
  return <StepField {...props} kind="template" />;
}

export function ValueField(props: FieldProps) {
  return <StepField {...props} kind="value" />;
}

/**
 * A stored credential of the one type the step accepts, picked from the list (or added inline). A
 * required one stays `''` when none is picked, so validation points at the field.
 */
export function CredentialField(
  props: StepFormProps & { field?: string; label: string; type: string; optional?: boolean; description?: string },
) {
  const { entry, setField, label, type, optional, description } = props;
  const field = props.field ?? 'credentialId';
  return (
    <CredentialSelect
      id={`step-${entry.key}-${field.replace(/\./g, '-')}`}
      label={label}
      types={[type]}
      description={description ?? 'Its secret is never shown in the run history.'}
      noneLabel={optional ? 'None' : 'Choose a credential…'}
      value={text(stepField(entry.step, field)) || undefined}
      errors={messages(props, field)}
      onChange={(id) => setField(field, id ?? (optional ? undefined : ''))}
    />
  );
}

/** `sign` of an `http` step: a stored signing secret, or none. */
export function HttpSigningField(props: StepFormProps) {
  const { entry, setField } = props;
  const sign = stepField(entry.step, 'sign') as { credentialId?: string } | undefined;
  return (
    <CredentialSelect
      id={`step-${entry.key}-sign`}
      label="Sign requests"
      description="Adds Standard Webhooks signature headers (webhook-id, webhook-timestamp, webhook-signature) made with a stored signing secret."
      noneLabel="Do not sign"
      types={['webhook-signing-secret']}
      value={sign?.credentialId || undefined}
      errors={messages(props, 'sign.credentialId')}
      onChange={(id) => setField('sign', id ? { credentialId: id } : undefined)}
    />
  );
}

/** Slack, Discord and Teams post to a webhook URL typed in, or to one kept as a stored credential. */
export function WebhookTarget(props: StepFormProps & { app: string; placeholder: string }) {
  const { entry, setField, app, placeholder } = props;
  const stored = stepField(entry.step, 'credentialId') !== undefined;
  return (
    <>
      <Field label="Send to" htmlFor={`step-${entry.key}-target`}>
        <select
          id={`step-${entry.key}-target`}
          className="sy-select"
          value={stored ? 'credential' : 'url'}
          onChange={(event) => {
            if (event.target.value === 'credential') {
              setField('url', undefined);
              setField('credentialId', '');
            } else {
              setField('credentialId', undefined);
              setField('url', '');
            }
          }}
        >
          <option value="url">A webhook URL</option>
          <option value="credential">A stored webhook URL (credential)</option>
        </select>
      </Field>
      {stored ? (
        <CredentialField
          {...props}
          label={`${app} webhook credential`}
          type="webhook-url"
          description={`An incoming webhook URL from ${app}, stored as a credential: the run history never shows it.`}
        />
      ) : (
        <TemplateField
          {...props}
          field="url"
          label="Webhook URL"
          placeholder={placeholder}
          description={`The incoming webhook URL from ${app}. Anyone who has it can post: store it as a credential to keep it out of the workflow.`}
        />
      )}
    </>
  );
}

export function TimeoutField(props: StepFormProps & { placeholder: string }) {
  const { entry, setField, placeholder } = props;
  return (
    <TextInput
      label="Time limit (ms)"
      optional
      type="number"
      inputMode="numeric"
      min={1}
      max={120000}
      placeholder={placeholder}
      className="sy-step-form__timeout"
      value={typeof stepField(entry.step, 'timeoutMs') === 'number' ? String(stepField(entry.step, 'timeoutMs')) : ''}
      errors={messages(props, 'timeoutMs')}
      onChange={(value) => setField('timeoutMs', value === '' ? undefined : Number(value))}
    />
  );
}
