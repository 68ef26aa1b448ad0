import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { getRehearsal, type RehearsalItem, startRehearsal } from '../../../api';
import { Badge, Button, Card, ErrorState, HelpTip, RelativeTime, TextInput } from '../../../ui';
import { JARGON } from '../../../lib/jargon';
import { useBuilderContext, useBuilderState } from '../builder-context';
import { isDirty } from '../state/builder-reducer';
import { useDraft } from './use-draft';

function show(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function ItemDiff({ item }: { item: RehearsalItem }) {
  const rows = [
    ...item.steps.map((s) => ({ key: `step:${s.stepId}`, what: `Step ${s.stepId}`, change: s.change, fields: s.fields })),
    ...item.sends.map((s) => ({ key: `send:${s.stepId}:${s.kind}`, what: `Would send (${s.stepId})`, change: s.change, fields: s.fields })),
  ];
  return (
    <li className="sy-rehearsal__item" aria-label={`Request ${item.requestId}`}>
      <div>
        <code>{item.requestId.slice(-8)}</code> <RelativeTime iso={item.receivedAt} />{' '}
        {item.newFailure ? <Badge tone="danger">New failure</Badge> : null}
        {item.fixedFailure ? <Badge tone="success">Failure fixed</Badge> : null}
        {item.statusBefore !== item.statusAfter ? (
          <span className="sy-muted">
            {' '}
            {item.statusBefore} → {item.statusAfter}
          </span>
        ) : null}
      </div>
      {item.errorAfter && item.newFailure ? <p className="sy-field__errors">{item.errorAfter}</p> : null}
      <ul>
        {rows.map((row) => (
          <li key={row.key}>
            {row.what}:{' '}
            {row.change === 'only-before' ? 'only in the published version' : row.change === 'only-after' ? 'only in the draft' : 'differs'}
            {row.fields.map((field) => (
              <div key={field.path} className="sy-rehearsal__field">
                <code>{field.path}</code>: <del>{show(field.before)}</del> → <ins>{show(field.after)}</ins>
              </div>
            ))}
          </li>
        ))}
      </ul>
    </li>
  );
}

/**
 * "Rehearse on recent requests": the draft and the published version run on the last N accepted
 * requests with side effects recorded, not sent; shows where they differ.
 */
export function RehearsalPanel() {
  const { workflow, readOnly } = useBuilderContext();
  const dirty = useBuilderState(isDirty);
  const draft = useDraft(workflow.id).data;
  const [count, setCount] = useState('20');
  const [rehearsalId, setRehearsalId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: () => startRehearsal({ workflowId: workflow.id, count: Number(count) }),
    onSuccess: (rehearsal) => setRehearsalId(rehearsal.id),
  });
  const rehearsal = useQuery({
    queryKey: ['workflows', workflow.id, 'rehearsals', rehearsalId],
    queryFn: ({ signal }) => getRehearsal({ workflowId: workflow.id, rehearsalId: rehearsalId!, signal }),
    enabled: rehearsalId !== null,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 500 : false),
  });
  if (readOnly || !draft) return null;
  const data = rehearsal.data;
  const differing = (data?.items ?? []).filter((item) => !item.same);
  return (
    <Card
      id="workflow-rehearsal"
      title="Rehearse on recent requests"
      description={
        <>
          Runs the draft and the published version on the requests this workflow accepted last
          <HelpTip label={JARGON.rehearsal.label}>{JARGON.rehearsal.text}</HelpTip>. Calls, messages and e-mails are recorded, not sent; no
          run is recorded.
        </>
      }
    >
      <div className="sy-rehearsal__form">
        <TextInput label="Requests" type="number" min={1} max={200} value={count} onChange={setCount} />
        <Button
          icon="play"
          onClick={() => start.mutate()}
          loading={start.isPending || data?.status === 'running'}
          disabled={dirty || draft.issues.length > 0}
          title={dirty ? 'Save first: the saved draft is rehearsed' : undefined}
        >
          Rehearse
        </Button>
      </div>
      {start.isError ? <ErrorState title="Could not rehearse" error={start.error} /> : null}
      {data ? (
        <div className="sy-rehearsal" role="status">
          <p>
            {data.status === 'running' ? `Rehearsing… ${data.completed} of ${data.total}` : null}
            {data.status !== 'running' ? (
              <strong>{data.total === 0 ? 'No accepted requests to rehearse yet.' : data.summaryText}</strong>
            ) : null}
          </p>
          {data.error ? <p className="sy-field__errors">{data.error}</p> : null}
          <ol className="sy-rehearsal__items">
            {differing.map((item) => (
              <ItemDiff key={item.requestId} item={item} />
            ))}
          </ol>
        </div>
      ) : null}
    </Card>
  );
}
