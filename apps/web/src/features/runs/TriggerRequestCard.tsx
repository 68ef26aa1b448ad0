import type { ReactNode } from 'react';
import type { RunTrigger, TriggerSample } from '../../api';
import { formatDateTime } from '../../lib/format-date';
import { hasContent } from '../../lib/pretty-json';
import { Badge, ButtonLink, Card, DescriptionList, Icon, JsonViewer, RelativeTime } from '../../ui';
import { builderWithSamplePath } from './run-paths';
import { useCan } from '../workspaces/use-role';
import './TriggerRequestCard.css';

export function formatBytes(size: number | null | undefined): string {
  if (size === null || size === undefined) return '—';
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}

/** Router state that hands the builder a request it can use as its sample without fetching it again. */
export interface SampleHandOff {
  sample: { requestId: string; trigger: TriggerSample };
}

export function toSample(trigger: RunTrigger): TriggerSample {
  return {
    body: trigger.body,
    headers: trigger.headers ?? {},
    query: trigger.query ?? {},
    method: trigger.method,
    receivedAt: trigger.receivedAt,
  };
}

/**
 * Button that opens the workflow's builder with this request as its sample data; with `stepId` (a
 * failed run's step) the builder opens that step and scrolls to it.
 */
export function OpenAsSampleLink({
  workflowId,
  trigger,
  size = 'sm',
  stepId,
  children,
}: {
  workflowId: string;
  trigger: RunTrigger;
  size?: 'sm' | 'md';
  stepId?: string | null;
  children?: ReactNode;
}) {
  const canEdit = useCan('workflow.edit');
  if (!trigger.requestId || !canEdit) return null;
  const state: SampleHandOff = { sample: { requestId: trigger.requestId, trigger: toSample(trigger) } };
  return (
    <ButtonLink size={size} icon="pencil" to={builderWithSamplePath({ workflowId, requestId: trigger.requestId, stepId })} state={state}>
      {children ?? 'Open in builder as sample'}
    </ButtonLink>
  );
}

/** The recorded request: method, time, headers, query, parsed body and a link to the raw bytes. */
export function TriggerRequestDetails({ trigger, workflowId, extra }: { trigger: RunTrigger; workflowId?: string; extra?: ReactNode }) {
  const download = trigger.bodyUrl ? (
    <a
      className="sy-button sy-button--ghost sy-button--sm sy-button--icon-only"
      href={trigger.bodyUrl}
      download
      aria-label="Download the raw body"
      title="Download the raw body, byte for byte"
    >
      <Icon name="download" size={14} />
    </a>
  ) : null;
  return (
    <div className="sy-trigger-request">
      <DescriptionList
        items={[
          { label: 'Method', value: <Badge tone="info">{trigger.method}</Badge> },
          {
            label: 'Received',
            value: (
              <span className="sy-trigger-request__time">
                <RelativeTime iso={trigger.receivedAt} />
                <span className="sy-muted">{formatDateTime({ iso: trigger.receivedAt })}</span>
              </span>
            ),
          },
          { label: 'Content type', value: <span className="sy-mono">{trigger.contentType || '—'}</span> },
          { label: 'Size', value: formatBytes(trigger.size) },
        ]}
      />
      {workflowId || extra ? (
        <div className="sy-trigger-request__actions">
          {extra}
          {workflowId ? <OpenAsSampleLink workflowId={workflowId} trigger={trigger} /> : null}
        </div>
      ) : null}
      {trigger.bodyTruncated ? (
        <div className="sy-trigger-request__truncated" role="note">
          <Icon name="alert" size={16} />
          <span>
            The body is {formatBytes(trigger.size)}, more than the page loads at once. Nothing is lost:{' '}
            {trigger.bodyUrl ? (
              <a href={trigger.bodyUrl} download>
                download the raw body
              </a>
            ) : (
              'it is stored in full'
            )}
            .
          </span>
        </div>
      ) : trigger.bodyEncoding === 'base64' ? (
        <JsonViewer label="Body (base64)" value={String(trigger.body ?? '')} actions={download} />
      ) : (
        <JsonViewer label="Body" value={trigger.body ?? null} rootPath="trigger.body" maxHeight={420} actions={download} />
      )}
      {hasContent(trigger.query) ? <JsonViewer label="Query" value={trigger.query} rootPath="trigger.query" /> : null}
      <JsonViewer label="Headers" value={trigger.headers ?? {}} rootPath="trigger.headers" maxHeight={300} />
    </div>
  );
}

export function TriggerRequestCard({ trigger, workflowId }: { trigger: RunTrigger | null; workflowId?: string }) {
  return (
    <Card
      id="trigger-request"
      title="Trigger request"
      description="What started this run, as recorded: a webhook delivery, a form sending, a schedule or poll firing, a manual start or a call from another workflow."
    >
      {trigger ? (
        <TriggerRequestDetails trigger={trigger} workflowId={workflowId} />
      ) : (
        <p className="sy-muted">This run has no recorded request.</p>
      )}
    </Card>
  );
}
