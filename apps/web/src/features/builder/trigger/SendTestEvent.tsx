import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type InboundRequest, queryKeys, sendTestEvent } from '../../../api';
import { Button, ErrorState } from '../../../ui';
import { useCan } from '../../workspaces/use-role';
import { useBuilderContext } from '../builder-context';
import { passedChecks, verdictLabel } from './request-verdict';

/** What a refused request means for the sample, in words. */
export function RefusedRequestNote({ request }: { request: InboundRequest }) {
  return (
    <p className="sy-step-form__todo" role="status">
      A request arrived but was refused ({request.statusCode}, {verdictLabel(request.verdict).toLowerCase()}
      {request.reason ? `: ${request.reason}` : ''}). It did not replace the sample. Use <strong>Send a test event</strong> to send one
      signed with this trigger’s secret.
    </p>
  );
}

/**
 * "Send a test event": the server sends a provider-shaped event (GitHub push, Stripe payment…),
 * signed with the trigger's stored secret, through the trigger URL; when accepted it becomes the sample.
 */
export function SendTestEvent() {
  const { store, workflow } = useBuilderContext();
  const allowed = useCan('test.run');
  const queryClient = useQueryClient();
  const send = useMutation({
    mutationFn: () => sendTestEvent({ workflowId: workflow.id }),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.workflowRequests(workflow.id) });
      const request = result.request;
      if (request && passedChecks(request)) {
        store.dispatch({ type: 'setSample', sample: { source: 'request', requestId: request.id, trigger: request.trigger } });
      }
    },
  });
  if (!allowed) return null;
  const result = send.data;
  const usable = result?.request ? passedChecks(result.request) : false;
  return (
    <div className="sy-trigger-card__test-event">
      <Button size="sm" icon="send" loading={send.isPending} onClick={() => send.mutate()}>
        Send a test event
      </Button>
      {result ? (
        usable ? (
          <p className="sy-muted" role="status">
            Sent a sample {result.label}
            {result.signed ? ', signed with this trigger’s secret,' : ''} to the trigger URL:{' '}
            {result.statusCode === 409 ? 'recorded (the workflow is off, so no run)' : `accepted (${result.statusCode})`}. It is now the
            sample and in the Inbox.
          </p>
        ) : (
          <p className="sy-step-form__todo" role="status">
            Sent a sample {result.label}: refused ({result.statusCode}
            {result.request?.reason ? `, ${result.request.reason}` : ''}).{' '}
            {result.scheme && !result.signed
              ? 'The trigger checks signatures but has no secret saved: add it under Security and save, then send again.'
              : 'The sample was kept.'}
          </p>
        )
      ) : null}
      {send.isError ? <ErrorState title="Could not send the test event" error={send.error} /> : null}
    </div>
  );
}
