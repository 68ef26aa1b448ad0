import { CodeBlock, EmptyState } from '../../ui';
import { createWorkflowCurl } from './curl-examples';

export function WorkflowsEmptyState() {
  return (
    <EmptyState
      icon="workflow"
      title="Create your first workflow"
      description={
        <>
          A workflow starts when its trigger URL receives a webhook, then runs its steps in order: map the data,
          filter it, send it on. Until the visual builder arrives, create one by posting its definition
          to <code>/api/workflows</code>:
        </>
      }
    >
      <CodeBlock label="Terminal" code={createWorkflowCurl({ origin: window.location.origin })} maxHeight={640} />
      <p className="sy-muted" style={{ marginTop: 'var(--sy-space-3)', fontSize: 'var(--sy-font-size-sm)' }}>
        The response contains the workflow&apos;s trigger URL. Paste it into Stripe, GitHub, Shopify or any tool
        that sends webhooks, and this page lists the workflow.
      </p>
    </EmptyState>
  );
}
