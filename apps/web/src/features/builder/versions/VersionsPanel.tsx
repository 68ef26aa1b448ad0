import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { diffVersions, queryKeys, restoreVersion } from '../../../api';
import { Badge, Button, Card, ErrorState, RelativeTime } from '../../../ui';
import { useBuilderContext, useBuilderState } from '../builder-context';
import { isDirty } from '../state/builder-reducer';
import { DiffView } from './DiffView';
import { useBuilderReload, useVersions } from './use-draft';

/** Every published version with who, when and the message; compare any with the draft or the live one; restore. */
export function VersionsPanel() {
  const { workflow, readOnly } = useBuilderContext();
  const dirty = useBuilderState(isDirty);
  const versions = useVersions(workflow.id);
  const queryClient = useQueryClient();
  const reload = useBuilderReload();
  const [compare, setCompare] = useState<{ from: string; to: string } | null>(null);
  const diff = useQuery({
    queryKey: [...queryKeys.workflowVersions(workflow.id), 'diff', compare?.from, compare?.to],
    queryFn: ({ signal }) => diffVersions({ workflowId: workflow.id, from: compare!.from, to: compare!.to, signal }),
    enabled: compare !== null,
  });
  const restore = useMutation({
    mutationFn: (versionId: string) => restoreVersion({ workflowId: workflow.id, versionId }),
    onSuccess: (draft) => {
      queryClient.setQueryData(queryKeys.workflowDraft(workflow.id), draft);
      setCompare(null);
      reload();
    },
  });
  const items = versions.data?.items ?? [];
  const live = items.find((v) => v.live);
  // A run page links here as `#version-<id>`: show that version against the live one.
  const { hash } = useLocation();
  const linked = hash.startsWith('#version-') ? hash.slice('#version-'.length) : null;
  useEffect(() => {
    if (!linked || !live || !items.some((v) => v.id === linked)) return;
    setCompare({ from: linked, to: linked === live.id ? 'draft' : live.id });
    document.getElementById(`version-${linked}`)?.scrollIntoView({ block: 'start' });
    // Only when the link or the list arrives.
  }, [linked, live?.id]);
  return (
    <Card
      id="workflow-versions"
      title="Versions"
      description="Every published version. Restoring one makes it the draft; publish to make it live."
    >
      {versions.isError ? <ErrorState title="Could not load the versions" error={versions.error} /> : null}
      <ol className="sy-versions">
        {items.map((version) => (
          <li
            key={version.id}
            id={`version-${version.id}`}
            className={version.id === linked ? 'sy-versions__item sy-versions__item--linked' : 'sy-versions__item'}
            aria-label={`Version ${version.version}`}
          >
            <div className="sy-versions__head">
              <strong>Version {version.version}</strong> {version.live ? <Badge tone="success">Live</Badge> : null}
              <span className="sy-muted">
                {' '}
                {version.publishedBy ?? 'Switchyard'} · <RelativeTime iso={version.createdAt} />
              </span>
            </div>
            {version.message ? <p className="sy-versions__message">{version.message}</p> : null}
            <div className="sy-versions__actions">
              <Button size="sm" variant="ghost" onClick={() => setCompare({ from: version.id, to: 'draft' })}>
                Compare with draft
              </Button>
              {live && !version.live ? (
                <Button size="sm" variant="ghost" onClick={() => setCompare({ from: version.id, to: live.id })}>
                  Compare with live
                </Button>
              ) : null}
              {readOnly ? null : (
                <Button
                  size="sm"
                  onClick={() => restore.mutate(version.id)}
                  loading={restore.isPending && restore.variables === version.id}
                  disabled={dirty}
                  title={dirty ? 'Save or undo your changes first' : 'Make this version the draft'}
                >
                  Restore
                </Button>
              )}
            </div>
          </li>
        ))}
      </ol>
      {restore.isError ? <ErrorState title="Could not restore" error={restore.error} /> : null}
      {diff.isError ? <ErrorState title="Could not compare" error={diff.error} /> : null}
      {compare && diff.data ? <DiffView diff={diff.data} /> : null}
    </Card>
  );
}
