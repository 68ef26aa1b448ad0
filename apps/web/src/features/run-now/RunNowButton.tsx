import { useState } from 'react';
import { Button } from '../../ui';
import { useCan } from '../workspaces/use-role';
import { RunNowDialog } from './RunNowDialog';

/** The Run now button and its dialog; shown to editors and above only (the api refuses viewers too). */
export function RunNowButton({
  workflowId,
  initialInput,
  disabledReason,
}: {
  workflowId?: string;
  initialInput?: unknown;
  disabledReason?: string;
}) {
  const allowed = useCan('run.start');
  const [open, setOpen] = useState(false);
  if (!allowed) return null;
  return (
    <>
      <Button
        icon="play"
        variant="ghost"
        disabled={Boolean(disabledReason)}
        title={disabledReason ?? 'Start a run by hand with a JSON input'}
        onClick={() => setOpen(true)}
      >
        Run now
      </Button>
      {open ? <RunNowDialog workflowId={workflowId} initialInput={initialInput} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
