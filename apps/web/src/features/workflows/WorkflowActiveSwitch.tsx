import type { Workflow } from '../../api';
import { Badge, Switch } from '../../ui';
import { useCan } from '../workspaces/use-role';
import { useSetWorkflowActive } from './use-workflow-mutations';

/** The on/off switch of a workflow: on, its trigger URL starts runs; off, requests are only recorded. */
export function WorkflowActiveSwitch({ workflow }: { workflow: Pick<Workflow, 'id' | 'name' | 'active'> }) {
  const setActive = useSetWorkflowActive();
  const canActivate = useCan('workflow.activate');
  const checked = setActive.isPending && setActive.variables ? setActive.variables.active : workflow.active;
  if (!canActivate) return <Badge tone={workflow.active ? 'success' : 'neutral'}>{workflow.active ? 'On' : 'Off'}</Badge>;
  return (
    <Switch
      checked={checked}
      busy={setActive.isPending}
      label={checked ? `${workflow.name} is on: turn it off` : `${workflow.name} is off: turn it on`}
      onChange={(active) => setActive.mutate({ id: workflow.id, active })}
    />
  );
}
