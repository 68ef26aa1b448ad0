import type { TriggerRequest } from '../../api';
import { hasContent } from '../../lib/pretty-json';
import { Badge, Card, CodeBlock, DescriptionList, RelativeTime } from '../../ui';
import './TriggerRequestCard.css';

function formatBytes(size: number | null | undefined): string {
  if (size === null || size === undefined) return '—';
  if (size < 1024) return `${size} B`;
  return `${(size / 1024).toFixed(1)} KB`;
}

export function TriggerRequestCard({ trigger }: { trigger: TriggerRequest | null }) {
  return (
    <Card id="trigger-request" title="Trigger request" description="The webhook that started this run.">
      {trigger ? (
        <div className="sy-trigger-request">
          <DescriptionList
            items={[
              { label: 'Method', value: <Badge tone="info">{trigger.method}</Badge> },
              { label: 'Received', value: <RelativeTime iso={trigger.receivedAt} /> },
              { label: 'Content type', value: <span className="sy-mono">{trigger.contentType || '—'}</span> },
              { label: 'Size', value: formatBytes(trigger.size) },
              {
                label: 'Query',
                value: hasContent(trigger.query) ? `${Object.keys(trigger.query).length} parameter(s)` : 'None',
              },
            ]}
          />
          {trigger.bodyEncoding === 'base64' ? (
            <CodeBlock label="Body (base64)" code={String(trigger.body ?? '')} maxHeight={420} />
          ) : (
            <CodeBlock label="Body" value={trigger.body ?? null} maxHeight={420} />
          )}
          {hasContent(trigger.query) ? <CodeBlock label="Query" value={trigger.query} /> : null}
          <CodeBlock label="Headers" value={trigger.headers ?? {}} maxHeight={260} />
        </div>
      ) : (
        <p className="sy-muted">This run has no recorded request.</p>
      )}
    </Card>
  );
}
