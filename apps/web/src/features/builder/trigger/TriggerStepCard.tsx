import { absoluteUrl } from '../../../lib/absolute-url';
import { formatRelativeTime } from '../../../lib/format-date';
import { useNow } from '../../../lib/use-now';
import { ApiError, type InboundRequest } from '../../../api';
import { Badge, Button, CodeBlock, Icon, Spinner } from '../../../ui';
import { sendWebhookCurl } from '../../workflows/curl-examples';
import { TriggerUrl } from '../../workflows/TriggerUrl';
import { useBuilderContext, useBuilderState } from '../builder-context';
import { useListenForRequest } from '../hooks/use-listen-for-request';
import { usePinnedSampleQuery } from '../hooks/use-pinned-sample';
import { useSampleRequests } from '../hooks/use-sample-requests';
import { verdictLabel } from './request-verdict';
import { SampleEditor } from './SampleEditor';
import { RefusedRequestNote, SendTestEvent } from './SendTestEvent';
import { TriggerSecurity } from './TriggerSecurity';
import { TriggerSettings } from './TriggerSettings';
import './TriggerStepCard.css';

function formatBytes(size: number | null): string {
  if (size === null || size === undefined) return '';
  return size < 1024 ? `${size} B` : `${(size / 1024).toFixed(1)} KB`;
}

function requestLabel(request: InboundRequest, now: number): string {
  const parts = [
    request.method,
    formatRelativeTime({ iso: request.receivedAt, now }),
    formatBytes(request.size),
    verdictLabel(request.verdict),
  ].filter(Boolean);
  return parts.join(' · ');
}

/** The first card of the flow: the webhook trigger, its URL, and the sample request. */
export function TriggerStepCard() {
  const { store, workflow } = useBuilderContext();
  const sample = useBuilderState((state) => state.sample);
  const now = useNow(30_000);
  const requests = useSampleRequests({ workflowId: workflow.id, polling: false });
  const listen = useListenForRequest({
    requests: requests.data,
    onCaptured: (request) =>
      store.dispatch({ type: 'setSample', sample: { source: 'request', requestId: request.id, trigger: request.trigger } }),
  });
  // While listening, poll as well: SSE is the fast path, polling covers a stream a proxy cut.
  useSampleRequests({ workflowId: workflow.id, polling: listen.listening });
  const url = absoluteUrl({ url: workflow.trigger.url ?? '', origin: window.location.origin });
  const unavailable = requests.error instanceof ApiError && requests.error.status === 404;
  const items = requests.data ?? [];
  const selectedValue = sample?.source === 'request' ? (sample.requestId ?? '') : sample ? sample.source : '';

  return (
    <section className="sy-trigger-card" aria-labelledby="trigger-card-title">
      <div className="sy-trigger-card__header">
        <span className="sy-step-icon sy-step-icon--trigger" aria-hidden="true">
          <Icon name="bolt" size={16} />
        </span>
        <div className="sy-trigger-card__titles">
          <span className="sy-step-card__eyebrow">Trigger</span>
          <h2 className="sy-step-card__title" id="trigger-card-title">
            Webhook
          </h2>
        </div>
        {workflow.active ? <Badge tone="success">Live</Badge> : <Badge tone="neutral">Off: requests are recorded, no runs</Badge>}
      </div>
      <div className="sy-trigger-card__body">
        <div className="sy-field">
          <span className="sy-field__label">Trigger URL</span>
          <p className="sy-field__description">Paste it into the app that sends webhooks (GitHub, Stripe, your form tool…).</p>
          <TriggerUrl url={workflow.trigger.url ?? ''} workflowName={workflow.name} />
        </div>

        <div className="sy-trigger-card__sample">
          <div className="sy-trigger-card__sample-header">
            <span className="sy-field__label">Sample request</span>
            {sample?.source === 'manual' ? <Badge tone="accent">Hand-made</Badge> : null}
            <SampleEditor />
            {listen.listening ? (
              <Button size="sm" icon="close" onClick={listen.stop}>
                Stop listening
              </Button>
            ) : (
              <Button size="sm" variant="primary" icon="radio" onClick={listen.start} disabled={unavailable}>
                Listen for a test request
              </Button>
            )}
          </div>
          {listen.listening ? (
            <div className="sy-trigger-card__listening" role="status">
              <Spinner size={16} />
              <div>
                <p className="sy-trigger-card__listening-title">Waiting for a request to the trigger URL…</p>
                <p className="sy-muted">Send one from your app, or from a terminal:</p>
                <CodeBlock label="Send a test request" code={sendWebhookCurl({ url })} wrap />
              </div>
            </div>
          ) : null}
          {listen.refused ? <RefusedRequestNote request={listen.refused} /> : null}
          {unavailable ? null : <SendTestEvent />}
          {unavailable ? (
            <p className="sy-muted">This server cannot list captured requests yet.</p>
          ) : items.length > 0 || sample ? (
            <label className="sy-trigger-card__picker">
              <span className="sy-visually-hidden">Sample request</span>
              <select
                className="sy-select"
                aria-label="Sample request"
                value={selectedValue}
                onChange={(event) => {
                  const request = items.find((item) => item.id === event.target.value);
                  if (request)
                    store.dispatch({ type: 'setSample', sample: { source: 'request', requestId: request.id, trigger: request.trigger } });
                }}
              >
                {sample?.source === 'template' ? <option value="template">Example data from the template</option> : null}
                {sample?.source === 'manual' ? <option value="manual">Hand-made sample (typed in the builder)</option> : null}
                {sample?.source === 'request' && !items.some((item) => item.id === sample.requestId) ? (
                  <option value={sample.requestId ?? ''}>Captured request ({sample.trigger.method})</option>
                ) : null}
                {!sample ? <option value="">Pick a request…</option> : null}
                {items.map((request) => (
                  <option key={request.id} value={request.id}>
                    {requestLabel(request, now)}
                  </option>
                ))}
              </select>
            </label>
          ) : !listen.listening ? (
            <p className="sy-muted">
              No request received yet. Listen, then send one to the URL above: its data becomes the sample for previews and tests.
            </p>
          ) : null}
          {sample?.source === 'manual' ? (
            <p className="sy-muted" role="status">
              The sample is hand-made{sample.basedOn ? ', edited from a captured request' : ''}: previews and tests use it. Captured
              requests are unchanged; pick one above to use it again.
            </p>
          ) : null}
          {unavailable ? null : <PinnedSampleNote />}
          {sample ? (
            <details className="sy-trigger-card__sample-data">
              <summary>
                {sample.source === 'manual' ? 'Sample data (hand-made)' : 'Sample data'}{' '}
                <span className="sy-muted">
                  · {sample.trigger.method} · {sample.source === 'manual' ? 'typed' : 'received'}{' '}
                  {formatRelativeTime({ iso: sample.trigger.receivedAt, now })}
                </span>
              </summary>
              <CodeBlock label="Sample trigger" value={sample.trigger} maxHeight={320} />
            </details>
          ) : null}
        </div>
        <TriggerSecurity />
        <TriggerSettings />
      </div>
    </section>
  );
}

/**
 * Whether the sample is pinned with the workflow (every teammate and device designs against it) or
 * only in this browser, with Pin and Unpin for editors.
 */
function PinnedSampleNote() {
  const { workflow, readOnly } = useBuilderContext();
  const sample = useBuilderState((state) => state.sample);
  const now = useNow(30_000);
  const { query, pin, unpin } = usePinnedSampleQuery(workflow.id);
  if (!query.isSuccess) return null;
  const pinned = query.data.sample;
  const busy = pin.isPending || unpin.isPending;
  if (pinned) {
    const showing = sample ? (pinned.requestId ? sample.requestId === pinned.requestId : sample.source === 'template') : false;
    return (
      <div className="sy-trigger-card__pin" role="status">
        <Icon name="check" size={14} />
        <span>
          {showing ? 'This sample is pinned' : 'A sample is pinned'} for everyone who opens this workflow
          {pinned.pinnedBy ? ` · by ${pinned.pinnedBy}` : ''} · {formatRelativeTime({ iso: pinned.pinnedAt, now })}
        </span>
        {readOnly ? null : (
          <Button size="sm" variant="ghost" onClick={() => unpin.mutate()} disabled={busy}>
            Unpin
          </Button>
        )}
      </div>
    );
  }
  if (!sample) return null;
  return (
    <div className="sy-trigger-card__pin sy-trigger-card__pin--local" role="status">
      <span>{readOnly ? 'No sample is pinned: this one is only in your browser.' : 'This sample is only in your browser.'}</span>
      {readOnly ? null : (
        <Button size="sm" onClick={() => pin.mutate(sample)} disabled={busy}>
          Pin for everyone
        </Button>
      )}
      {pin.isError ? <span className="sy-trigger-card__pin-error">Could not pin it: {pin.error.message}</span> : null}
    </div>
  );
}
