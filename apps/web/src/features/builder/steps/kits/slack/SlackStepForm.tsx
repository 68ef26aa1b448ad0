import { TemplateField, ValueField, WebhookTarget } from '../../form-parts/app-form-parts';
import type { StepFormProps } from '../step-form';

export function SlackStepForm(props: StepFormProps<'slack'>) {
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
