import { TemplateField, WebhookTarget } from '../../form-parts/app-form-parts';
import type { StepFormProps } from '../step-form';

export function TeamsStepForm(props: StepFormProps<'teams'>) {
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
