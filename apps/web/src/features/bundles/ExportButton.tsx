import { useMutation } from '@tanstack/react-query';
import { Button } from '../../ui';
import { bundleFileName } from './bundle-file';
import { exportBundle } from './bundles.api';

function download(params: { name: string; json: unknown }): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(params.json, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = params.name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Downloads a bundle (docs/bundle-format.md): of one workflow when `workflow` is given, else of the whole workspace. */
export function ExportButton({ workflow }: { workflow?: { id: string; name: string } }) {
  const exporting = useMutation({
    mutationFn: () => exportBundle({ workflowIds: workflow ? [workflow.id] : undefined }),
    onSuccess: (bundle) => download({ name: bundleFileName({ bundle, workflowName: workflow?.name }), json: bundle }),
  });
  return (
    <Button
      icon="download"
      loading={exporting.isPending}
      onClick={() => exporting.mutate()}
      title={exporting.isError ? `Export failed: ${exporting.error.message}` : 'A JSON bundle: definitions and settings, never secrets'}
    >
      {exporting.isError ? 'Export failed: retry' : workflow ? 'Export' : 'Export all'}
    </Button>
  );
}
