import { TemplateField, ValueField, WebhookTarget } from '../../form-parts/app-form-parts';
import type { StepFormProps } from '../step-form';

export function DiscordStepForm(props: StepFormProps<'discord'>) {
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
