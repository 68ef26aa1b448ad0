import { SMTP_SECURITY_MODES } from '@switchyard/engine';
import { Field, TextInput } from '../../../../../ui';
import { CredentialField, TemplateField, TimeoutField, messages, text } from '../../form-parts/app-form-parts';
import type { StepFormProps } from '../step-form';

export function EmailStepForm(props: StepFormProps<'email'>) {
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
