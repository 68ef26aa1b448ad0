import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ImportPlan, ImportResult } from '@switchyard/contract';
import { queryKeys } from '../../api';
import { Badge, type BadgeTone, Button, Card, ErrorState, PageHeader } from '../../ui';
import { workflowPath } from '../workflows/workflow-paths';
import { readBundleFile } from './bundle-file';
import { importBundle, previewImport } from './bundles.api';
import './ImportPage.css';

export const IMPORT_PATH = '/workflows/import';

const ACTION: Record<ImportPlan['workflows'][number]['action'], { label: string; tone: BadgeTone }> = {
  create: { label: 'New', tone: 'success' },
  update: { label: 'Update', tone: 'warning' },
  unchanged: { label: 'Unchanged', tone: 'neutral' },
};

function PlanView({ plan, done }: { plan: ImportPlan; done: boolean }) {
  const missing = plan.credentials.filter((c) => c.status === 'missing');
  return (
    <>
      <Card title="Workflows" id="import-workflows">
        <p className="sy-import__summary" data-testid="import-summary">
          {plan.summary.create} to create, {plan.summary.update} to update, {plan.summary.unchanged} unchanged
        </p>
        <ul className="sy-import__list">
          {plan.workflows.map((w) => (
            <li key={w.externalId} className="sy-import__row">
              <Badge tone={ACTION[w.action].tone}>{ACTION[w.action].label}</Badge>{' '}
              {done && w.workflowId ? <Link to={workflowPath(w.workflowId)}>{w.name}</Link> : <strong>{w.name}</strong>}{' '}
              <code className="sy-import__external">{w.externalId}</code>
              {w.needsTriggerSecrets ? <span className="sy-import__note"> · set its signing secrets after the import</span> : null}
            </li>
          ))}
        </ul>
      </Card>
      {plan.credentials.length > 0 ? (
        <Card title="Credentials" id="import-credentials">
          {missing.length > 0 ? (
            <p className="sy-import__hint">
              Connect these before importing: create each one under{' '}
              <a href="/credentials" target="_blank" rel="noreferrer">
                Credentials
              </a>{' '}
              with the same name and type, then check again. Secrets never travel in a bundle.
            </p>
          ) : null}
          <ul className="sy-import__list" aria-label="Credentials of the bundle">
            {plan.credentials.map((c) => (
              <li key={c.ref} className="sy-import__row">
                <Badge tone={c.status === 'matched' ? 'success' : 'danger'}>{c.status === 'matched' ? 'Connected' : 'To connect'}</Badge>{' '}
                <strong>{c.name}</strong> <span className="sy-import__note">({c.type})</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {plan.conflicts.length > 0 ? (
        <Card title="Conflicts" id="import-conflicts">
          <ul className="sy-import__list">
            {plan.conflicts.map((c, i) => (
              <li key={i} className="sy-import__row">
                {c.message}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}

/** Import a bundle: pick the file, see what would change, confirm. Nothing is written before the confirmation. */
export function ImportPage() {
  const queryClient = useQueryClient();
  const [bundle, setBundle] = useState<unknown>(undefined);
  const [fileError, setFileError] = useState<string | null>(null);
  const preview = useMutation({ mutationFn: (b: unknown) => previewImport({ request: { bundle: b } }) });
  const confirm = useMutation({
    mutationFn: (b: unknown) => importBundle({ request: { bundle: b } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.workflows() }),
  });
  const result: ImportResult | undefined = confirm.data;
  const plan = result ?? preview.data;

  async function pick(file: File | undefined) {
    setFileError(null);
    preview.reset();
    confirm.reset();
    setBundle(undefined);
    if (!file) return;
    try {
      const parsed = await readBundleFile(file);
      setBundle(parsed);
      preview.mutate(parsed);
    } catch (err) {
      setFileError((err as Error).message);
    }
  }

  return (
    <>
      <title>Import workflows · Switchyard</title>
      <PageHeader
        back={{ to: '/', label: 'All workflows' }}
        title="Import workflows"
        description="Pick a bundle made by Export. You see what would be created or updated before anything is written."
      />
      <div className="sy-import">
        <Card>
          <label className="sy-import__file">
            <span>Bundle file</span>
            <input type="file" accept="application/json,.json" onChange={(e) => void pick(e.target.files?.[0])} />
          </label>
          {fileError ? (
            <p role="alert" className="sy-import__error">
              {fileError}
            </p>
          ) : null}
        </Card>
        {preview.isError ? <ErrorState title="This bundle cannot be imported" error={preview.error} /> : null}
        {confirm.isError ? <ErrorState title="The import failed" error={confirm.error} /> : null}
        {plan ? <PlanView plan={plan} done={Boolean(result)} /> : null}
        {result ? (
          <p role="status" className="sy-import__done">
            Imported: {result.summary.create} created, {result.summary.update} updated, {result.summary.unchanged} unchanged.{' '}
            <Link to="/">See all workflows</Link>
          </p>
        ) : plan ? (
          <div className="sy-import__actions">
            <Button onClick={() => preview.mutate(bundle)} loading={preview.isPending} icon="refresh">
              Check again
            </Button>
            <Button
              variant="primary"
              disabled={!plan.ready}
              loading={confirm.isPending}
              onClick={() => confirm.mutate(bundle)}
              title={plan.ready ? undefined : 'Connect the credentials listed first'}
            >
              Confirm import
            </Button>
          </div>
        ) : null}
      </div>
    </>
  );
}
