import { SMTP_SECURITY_MODES, TELEGRAM_PARSE_MODES } from '@switchyard/engine';
import type { ReactNode } from 'react';
import { Field, TextInput } from '../../../ui';
import { CredentialSelect } from '../../credentials';
import { issuesFor, stepTarget, type BuilderIssue } from '../state/builder-issues';
import { ExpressionField } from './ExpressionField';
import type { StepFormProps } from './StepForms';

// One small form per app action. Templates and expressions use the same editor (with data pills
// and a live preview) as the core steps; settings are plain inputs.

function fieldIssues(props: StepFormProps, field: string): BuilderIssue[] {
  return issuesFor({ issues: props.issues, target: stepTarget(props.entry.key, field) });
}

function messages(props: StepFormProps, field: string): string[] {
  return fieldIssues(props, field).map((issue) => issue.message);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

type FieldProps = StepFormProps & { field: string; label: string; placeholder?: string; description?: ReactNode; optional?: boolean };

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
      value={text(entry.step[field])}
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

function TemplateField(props: FieldProps & { multiline?: boolean }) {
  return <StepField {...props} kind="template" />;
}

function ValueField(props: FieldProps) {
  return <StepField {...props} kind="value" />;
}

/**
 * A stored credential of the one type the step accepts, picked from the list (or added inline). A
 * required one stays `''` when none is picked, so validation points at the field.
 */
function CredentialField(props: StepFormProps & { field?: string; label: string; type: string; optional?: boolean; description?: string }) {
  const { entry, setField, label, type, optional, description } = props;
  const field = props.field ?? 'credentialId';
  return (
    <CredentialSelect
      id={`step-${entry.key}-${field.replace(/\./g, '-')}`}
      label={label}
      types={[type]}
      description={description ?? 'Its secret is never shown in the run history.'}
      noneLabel={optional ? 'None' : 'Choose a credential…'}
      value={text(entry.step[field]) || undefined}
      errors={messages(props, field)}
      onChange={(id) => setField(field, id ?? (optional ? undefined : ''))}
    />
  );
}

/** `sign` of an `http` step: a stored signing secret, or none. */
export function HttpSigningField(props: StepFormProps) {
  const { entry, setField } = props;
  const sign = entry.step.sign as { credentialId?: string } | undefined;
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
function WebhookTarget(props: StepFormProps & { app: string; placeholder: string }) {
  const { entry, setField, app, placeholder } = props;
  const stored = entry.step.credentialId !== undefined;
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

function TimeoutField(props: StepFormProps & { placeholder: string }) {
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
      value={typeof entry.step.timeoutMs === 'number' ? String(entry.step.timeoutMs) : ''}
      errors={messages(props, 'timeoutMs')}
      onChange={(value) => setField('timeoutMs', value === '' ? undefined : Number(value))}
    />
  );
}

export function SlackStepForm(props: StepFormProps) {
  return (
    <>
      <WebhookTarget {...props} app="Slack" placeholder="https://hooks.slack.com/services/T…/B…/…" />
      <TemplateField
        {...props}
        field="text"
        label="Message"
        multiline
        placeholder="New order *{{ trigger.body.id }}*"
        description="Slack mrkdwn; also the notification text when blocks are set."
      />
      <ValueField
        {...props}
        field="blocks"
        label="Blocks"
        optional
        description="A JSONata expression giving a list of Block Kit blocks."
        placeholder={"[{ 'type': 'section', 'text': { 'type': 'mrkdwn', 'text': 'Hi ' & trigger.body.name } }]"}
      />
      <div className="sy-step-form__row">
        <div className="sy-step-form__grow">
          <TemplateField {...props} field="username" label="Sender name" optional placeholder="Shop bot" />
        </div>
        <div className="sy-step-form__grow">
          <TemplateField {...props} field="iconEmoji" label="Icon emoji" optional placeholder=":package:" />
        </div>
      </div>
    </>
  );
}

export function DiscordStepForm(props: StepFormProps) {
  return (
    <>
      <WebhookTarget {...props} app="Discord" placeholder="https://discord.com/api/webhooks/…/…" />
      <TemplateField
        {...props}
        field="content"
        label="Message"
        multiline
        placeholder="Order **{{ trigger.body.id }}** paid"
        description="Discord markdown, at most 2,000 characters."
      />
      <div className="sy-step-form__row">
        <div className="sy-step-form__grow">
          <TemplateField {...props} field="username" label="Sender name" optional placeholder="Shop" />
        </div>
        <div className="sy-step-form__grow">
          <TemplateField {...props} field="avatarUrl" label="Avatar URL" optional placeholder="https://example.com/avatar.png" />
        </div>
      </div>
      <ValueField
        {...props}
        field="embeds"
        label="Embeds"
        optional
        description="A JSONata expression giving a list of at most 10 embeds."
        placeholder="[{ 'title': trigger.body.id, 'color': 5814783 }]"
      />
    </>
  );
}

export function TeamsStepForm(props: StepFormProps) {
  return (
    <>
      <WebhookTarget {...props} app="Teams" placeholder="https://…logic.azure.com/workflows/…" />
      <TemplateField {...props} field="title" label="Title" optional placeholder="Order {{ trigger.body.id }}" />
      <TemplateField
        {...props}
        field="text"
        label="Text"
        multiline
        placeholder="{{ trigger.body.customer }} paid {{ trigger.body.total }} EUR"
        description="Sent as an Adaptive Card; the text may use Markdown."
      />
    </>
  );
}

export function TelegramStepForm(props: StepFormProps) {
  const { entry, setField } = props;
  return (
    <>
      <CredentialField
        {...props}
        label="Bot"
        type="telegram-bot"
        description="The bot token @BotFather gave you, stored as a credential."
      />
      <TemplateField
        {...props}
        field="chatId"
        label="Chat"
        placeholder="{{ trigger.body.chatId }} or @mychannel"
        description="The chat id (a number) or @channelusername."
      />
      <TemplateField {...props} field="text" label="Message" multiline placeholder="<b>{{ trigger.body.id }}</b> paid" />
      <div className="sy-step-form__row">
        <Field label="Formatting" htmlFor={`step-${entry.key}-parseMode`} errors={messages(props, 'parseMode')}>
          <select
            id={`step-${entry.key}-parseMode`}
            className="sy-select"
            value={text(entry.step.parseMode)}
            onChange={(event) => setField('parseMode', event.target.value === '' ? undefined : event.target.value)}
          >
            <option value="">Plain text</option>
            {TELEGRAM_PARSE_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {mode}
              </option>
            ))}
          </select>
        </Field>
        <label className="sy-trigger-settings__check">
          <input
            type="checkbox"
            checked={entry.step.disableNotification === true}
            onChange={(event) => setField('disableNotification', event.target.checked ? true : undefined)}
          />
          Send silently
        </label>
      </div>
      <TextInput
        label="Bot API server"
        optional
        description="Only for a self-hosted Bot API server."
        placeholder="https://api.telegram.org"
        value={text(entry.step.apiBaseUrl)}
        errors={messages(props, 'apiBaseUrl')}
        onChange={(value) => setField('apiBaseUrl', value === '' ? undefined : value)}
      />
    </>
  );
}

export function WebhookStepForm(props: StepFormProps) {
  return (
    <>
      <TemplateField {...props} field="url" label="Receiver URL" placeholder="https://partner.example.com/webhooks" />
      <CredentialField
        {...props}
        label="Signing secret"
        type="webhook-signing-secret"
        description="A stored whsec_ secret that the receiver knows too."
      />
      <TemplateField
        {...props}
        field="eventType"
        label="Event type"
        optional
        placeholder="order.created"
        description={
          <>
            When set, the payload is sent as <code>{'{ type, timestamp, data }'}</code>.
          </>
        }
      />
      <ValueField
        {...props}
        field="body"
        label="Payload"
        description="A JSONata expression; its result is sent as JSON and signed."
        placeholder="{ 'id': trigger.body.id }"
      />
      <p className="sy-field__description">
        Receivers verify the <code>webhook-signature</code> header with the standardwebhooks or svix libraries.
      </p>
    </>
  );
}

export function EmailStepForm(props: StepFormProps) {
  const { entry, setField } = props;
  return (
    <>
      <div className="sy-step-form__row">
        <div className="sy-step-form__grow">
          <TextInput
            label="SMTP server"
            placeholder="smtp.example.com"
            spellCheck={false}
            value={text(entry.step.host)}
            errors={messages(props, 'host')}
            onChange={(value) => setField('host', value.trim())}
          />
        </div>
        <TextInput
          label="Port"
          type="number"
          inputMode="numeric"
          min={1}
          max={65535}
          className="sy-step-form__timeout"
          value={typeof entry.step.port === 'number' ? String(entry.step.port) : ''}
          placeholder="587"
          errors={messages(props, 'port')}
          onChange={(value) => setField('port', value === '' ? undefined : Number(value))}
        />
        <Field label="Security" htmlFor={`step-${entry.key}-security`} errors={messages(props, 'security')}>
          <select
            id={`step-${entry.key}-security`}
            className="sy-select"
            value={text(entry.step.security) || 'starttls'}
            onChange={(event) => setField('security', event.target.value)}
          >
            {SMTP_SECURITY_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {mode === 'starttls' ? 'STARTTLS (587)' : mode === 'tls' ? 'TLS (465)' : 'None (local relay)'}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <CredentialField
        {...props}
        label="SMTP login"
        type="basic"
        optional
        description="A stored username and password for the SMTP server."
      />
      <TemplateField {...props} field="from" label="From" placeholder="Shop <shop@example.com>" />
      <TemplateField {...props} field="to" label="To" placeholder="{{ trigger.body.email }}" description="Comma-separated addresses." />
      <div className="sy-step-form__row">
        <div className="sy-step-form__grow">
          <TemplateField {...props} field="cc" label="Cc" optional />
        </div>
        <div className="sy-step-form__grow">
          <TemplateField {...props} field="bcc" label="Bcc" optional />
        </div>
        <div className="sy-step-form__grow">
          <TemplateField {...props} field="replyTo" label="Reply to" optional />
        </div>
      </div>
      <TemplateField {...props} field="subject" label="Subject" placeholder="Your order {{ trigger.body.id }}" />
      <TemplateField {...props} field="text" label="Text" optional multiline placeholder="Thanks {{ trigger.body.name }}!" />
      <TemplateField
        {...props}
        field="html"
        label="HTML"
        optional
        multiline
        placeholder="<p>Thanks {{ trigger.body.name }}!</p>"
        description="Placeholders are inserted as they are (not HTML-escaped)."
      />
      <TimeoutField {...props} placeholder="30000" />
    </>
  );
}
