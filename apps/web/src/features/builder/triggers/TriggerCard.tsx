import type { TriggerType } from '@switchyard/engine';
import { Icon, Select } from '../../../ui';
import { useCan } from '../../workspaces/use-role';
import { useBuilderContext, useBuilderState } from '../builder-context';
import { TriggerStepCard } from '../trigger/TriggerStepCard';
import { WEB_TRIGGER_KITS } from './web-trigger-kits';
import './TriggerCard.css';

/** The first card of the flow: the trigger type, then the webhook card or the type's own form. */
export function TriggerCard() {
  const { store } = useBuilderContext();
  const trigger = useBuilderState((state) => state.draft.trigger);
  const readOnly = !useCan('workflow.edit');
  const kit = WEB_TRIGGER_KITS[trigger.type] ?? WEB_TRIGGER_KITS.webhook;
  const picker = (
    <div className="sy-trigger-type">
      <Select
        label="Start this workflow"
        value={trigger.type}
        disabled={readOnly}
        onChange={(type) =>
          store.dispatch({ type: 'edit', operation: { type: 'setTrigger', trigger: WEB_TRIGGER_KITS[type as TriggerType].create() } })
        }
        options={Object.values(WEB_TRIGGER_KITS).map((k) => ({ value: k.type, label: `${k.label}: ${k.description}` }))}
      />
    </div>
  );
  if (trigger.type === 'webhook' || !kit.Form) {
    return (
      <>
        {picker}
        {trigger.type === 'webhook' ? <TriggerStepCard /> : <p className="sy-muted">{kit.description}</p>}
      </>
    );
  }
  const Form = kit.Form;
  return (
    <section className="sy-trigger-card" aria-labelledby="trigger-card-title">
      {picker}
      <div className="sy-trigger-card__header">
        <span className="sy-step-icon sy-step-icon--trigger" aria-hidden="true">
          <Icon name="bolt" size={16} />
        </span>
        <div className="sy-trigger-card__titles">
          <span className="sy-step-card__eyebrow">Trigger</span>
          <h2 className="sy-step-card__title" id="trigger-card-title">
            {kit.label}
          </h2>
        </div>
      </div>
      <div className="sy-trigger-card__body">
        <Form
          trigger={trigger}
          readOnly={readOnly}
          set={(field, value) => store.dispatch({ type: 'edit', operation: { type: 'setTriggerField', field, value } })}
        />
      </div>
    </section>
  );
}
