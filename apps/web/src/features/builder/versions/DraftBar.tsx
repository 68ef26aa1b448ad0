import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { discardDraft, publishDraft, queryKeys, type Draft, type Workflow } from '../../../api';
import { Button, Dialog, ErrorState, TextInput } from '../../../ui';
import { useBuilderContext, useBuilderState } from '../builder-context';
import { isDirty } from '../state/builder-reducer';
import { useBuilderReload, useDraft } from './use-draft';

/**
 * "Draft: unpublished changes" with Discard and Publish, for a live workflow whose saved draft
 * differs from the published version. Publish asks for an optional message, and warns when the
 * draft's last test failed on its sample.
 */
export function DraftBar() {
  const { workflow, readOnly, outputs } = useBuilderContext();
  const dirty = useBuilderState(isDirty);
  const lastLocalTest = useBuilderState((state) => state.workflowTest?.status);
  const draft = useDraft(workflow.id).data;
  const queryClient = useQueryClient();
  const reload = useBuilderReload();
  const [publishing, setPublishing] = useState(false);
  const [message, setMessage] = useState('');
  const refresh = (next?: Draft) => {
    if (next) queryClient.setQueryData(queryKeys.workflowDraft(workflow.id), next);
    void queryClient.invalidateQueries({ queryKey: queryKeys.workflowVersions(workflow.id) });
  };
  const publish = useMutation({
    mutationFn: () =>
      publishDraft({ workflowId: workflow.id, publish: { message: message.trim() || undefined, revision: draft?.revision } }),
    onSuccess: (published) => {
      queryClient.setQueryData(queryKeys.workflow(workflow.id), published as unknown as Workflow);
      void queryClient.invalidateQueries({ queryKey: queryKeys.workflowDraft(workflow.id) });
      refresh();
      setPublishing(false);
      setMessage('');
    },
  });
  const discard = useMutation({
    mutationFn: () => discardDraft({ workflowId: workflow.id }),
    onSuccess: (next) => {
      refresh(next);
      reload();
    },
  });
  if (readOnly || !draft || !draft.hasChanges) return null;
  const testFailed = (lastLocalTest ?? draft.lastTest?.status) === 'failed';
  const previewFailures = Object.values(outputs).filter((output) => output.error && !output.inactive).length;
  const warn = testFailed || previewFailures > 0;
  return (
    <div className="sy-draft-bar" role="region" aria-label="Draft">
      <p className="sy-draft-bar__text">
        <strong>Draft: unpublished changes.</strong>{' '}
        {workflow.active
          ? `The trigger keeps running version ${draft.publishedVersion} until you publish.`
          : `Version ${draft.publishedVersion} is the published one.`}
        {draft.issues.length > 0
          ? ` The draft has ${draft.issues.length} problem${draft.issues.length === 1 ? '' : 's'} to fix before publishing.`
          : ''}
      </p>
      <div className="sy-draft-bar__actions">
        <Button variant="ghost" onClick={() => discard.mutate()} loading={discard.isPending} disabled={dirty}>
          Discard draft
        </Button>
        <Button variant="primary" icon="bolt" onClick={() => setPublishing(true)} disabled={dirty || draft.issues.length > 0}>
          Publish
        </Button>
      </div>
      {discard.isError ? <ErrorState title="Could not discard the draft" error={discard.error} /> : null}
      <Dialog
        open={publishing}
        title={`Publish version ${draft.publishedVersion + 1}?`}
        tone={warn ? 'danger' : 'default'}
        onClose={() => setPublishing(false)}
        actions={
          <>
            <Button onClick={() => setPublishing(false)}>Cancel</Button>
            <Button variant={warn ? 'danger' : 'primary'} onClick={() => publish.mutate()} loading={publish.isPending}>
              {warn ? 'Publish anyway' : 'Publish'}
            </Button>
          </>
        }
      >
        {testFailed ? (
          <p className="sy-field__errors" role="alert">
            The last test of this draft failed on its sample. Publishing makes it live for every new request.
          </p>
        ) : null}
        {previewFailures > 0 ? (
          <p className="sy-field__errors" role="alert">
            {previewFailures === 1 ? 'A step’s preview fails' : `${previewFailures} steps’ previews fail`} on the sample request.
          </p>
        ) : null}
        <p>The trigger runs the new version from the next request on. Runs already started finish on the version they started with.</p>
        <TextInput label="Message" optional value={message} maxLength={500} onChange={setMessage} placeholder="What changed, and why" />
        {publish.isError ? <ErrorState title="Could not publish" error={publish.error} /> : null}
      </Dialog>
    </div>
  );
}
