import { Badge } from '../../ui';

export function WorkflowStatusBadge({ active }: { active: boolean }) {
  return active ? (
    <Badge tone="success" title="On: webhooks to the trigger URL start runs.">
      On
    </Badge>
  ) : (
    <Badge tone="neutral" title="Off: webhooks are recorded but start no runs.">
      Off
    </Badge>
  );
}
