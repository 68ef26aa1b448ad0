import type { Workflow } from '../../../api';
import { absoluteUrl } from '../../../lib/absolute-url';
import { Card, DescriptionList, RelativeTime } from '../../../ui';
import { TriggerUrl } from '../../workflows/TriggerUrl';
import { describeTrigger } from './describe-trigger';
import { triggerTypeLabel } from './trigger-type-label';

/** The workflow page's trigger card for triggers without a webhook URL: what starts the workflow, in words. */
export function TriggerSummaryCard({ workflow }: { workflow: Workflow }) {
  const trigger = workflow.trigger;
  return (
    <Card id="workflow-trigger" title={`Trigger: ${triggerTypeLabel(trigger.type)}`} description={describeTrigger(trigger)}>
      <div className="sy-workflow__trigger">
        {trigger.type === 'form' && trigger.url ? (
          <TriggerUrl url={absoluteUrl({ url: trigger.url, origin: window.location.origin })} workflowName={workflow.name} />
        ) : null}
        <DescriptionList
          items={[
            { label: 'Created', value: <RelativeTime iso={workflow.createdAt} /> },
            { label: 'Updated', value: <RelativeTime iso={workflow.updatedAt} /> },
            { label: 'Version', value: `v${workflow.version}` },
          ]}
        />
      </div>
    </Card>
  );
}
