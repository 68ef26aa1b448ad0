import { CredentialField, TemplateField, ValueField } from '../../form-parts/app-form-parts';
import type { StepFormProps } from '../step-form';

export function WebhookStepForm(props: StepFormProps<'webhook'>) {
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
