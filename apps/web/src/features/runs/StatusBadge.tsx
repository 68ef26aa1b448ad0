import { Badge } from '../../ui';
import { runStatusPresentation, stepStatusPresentation } from './run-status';

export function RunStatusBadge({ status }: { status: string }) {
  const { label, tone, live, description } = runStatusPresentation(status);
  return (
    <Badge tone={tone} pulse={live} title={description}>
      {label}
    </Badge>
  );
}

export function StepStatusBadge({ status }: { status: string }) {
  const { label, tone, live, description } = stepStatusPresentation(status);
  return (
    <Badge tone={tone} pulse={live} title={description}>
      {label}
    </Badge>
  );
}
