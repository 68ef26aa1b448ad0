import { TELEGRAM_PARSE_MODES } from '@switchyard/engine';
import { Field, TextInput } from '../../../../../ui';
import { CredentialField, TemplateField, messages, text } from '../../form-parts/app-form-parts';
import type { StepFormProps } from '../step-form';

export function TelegramStepForm(props: StepFormProps<'telegram'>) {
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
