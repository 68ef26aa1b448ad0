import { useQuery } from '@tanstack/react-query';
import { listWorkflowRequests } from '../../../api';
import { Select } from '../../../ui';
import { fieldSearch, sampleFields } from './sample-fields';

/**
 * "Field…": the fields of the workflow's latest accepted request (its sample); picking one writes
 * the exact-match search `body.<field> = <the sample's value>`, ready to edit.
 */
export function SearchFieldPicker({ workflowId, onPick }: { workflowId: string; onPick: (text: string) => void }) {
  const sample = useQuery({
    queryKey: ['workflows', workflowId, 'search-sample'],
    queryFn: ({ signal }) => listWorkflowRequests({ workflowId, verdict: 'accepted', limit: 1, signal }),
    staleTime: 60_000,
  });
  const fields = sampleFields(sample.data?.items[0]?.trigger.body);
  if (fields.length === 0) return null;
  return (
    <Select
      label="Search by a field of the sample"
      hideLabel
      value=""
      onChange={(path) => {
        const field = fields.find((f) => f.path === path);
        if (field) onPick(fieldSearch({ path: field.path, value: field.value === null ? 'null' : String(field.value) }));
      }}
      options={[{ value: '', label: 'Field…' }, ...fields.map((f) => ({ value: f.path, label: f.path.slice('body.'.length) }))]}
    />
  );
}
