import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Dialog, ErrorState, Field, Select } from '../../ui';
import { runPath } from '../runs/run-paths';
import { useWorkflows } from '../workflows/use-workflows';
import { parseRunInput } from './run-now-input';
import { useRunNow } from './use-run-now';
import './RunNow.css';

export interface RunNowDialogProps {
  /** The workflow to start; without it the dialog asks which one. */
  workflowId?: string;
  /** What the JSON box starts with (the builder passes its sample body). */
  initialInput?: unknown;
  onClose: () => void;
}

/** Run now: pick a workflow (when not given), type the JSON its run sees as `trigger.body`, start it, open the run. */
export function RunNowDialog({ workflowId, initialInput, onClose }: RunNowDialogProps) {
  const workflows = useWorkflows();
  const [chosen, setChosen] = useState(workflowId ?? '');
  const [text, setText] = useState(() => JSON.stringify(initialInput ?? {}, null, 2));
  const [touched, setTouched] = useState(false);
  const runNow = useRunNow();
  const navigate = useNavigate();
  const inputId = useId();
  const errorId = useId();
  const parsed = parseRunInput(text);
  const inputErrors = touched && !parsed.ok ? [parsed.message] : [];

  function start() {
    setTouched(true);
    if (!parsed.ok || !chosen) return;
    runNow.mutate({ workflowId: chosen, input: parsed.value }, { onSuccess: (result) => void navigate(runPath(result.runId)) });
  }

  return (
    <Dialog
      open
      title="Run now"
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" icon="play" loading={runNow.isPending} disabled={!chosen} onClick={start}>
            Start run
          </Button>
        </>
      }
    >
      <div className="sy-run-now">
        <p className="sy-run-now__intro">
          Starts the published version now. The input is what the run sees as <code>trigger.body</code>; the request log records it as run
          by hand, with your name.
        </p>
        {workflowId ? null : (
          <Select
            label="Workflow"
            value={chosen}
            onChange={setChosen}
            options={[
              { value: '', label: 'Choose a workflow' },
              ...(workflows.data ?? []).map((workflow) => ({ value: workflow.id, label: workflow.name })),
            ]}
          />
        )}
        <Field label="Input (JSON)" htmlFor={inputId} errors={inputErrors} errorId={errorId}>
          <textarea
            id={inputId}
            className="sy-input sy-input--mono sy-run-now__input"
            rows={10}
            value={text}
            spellCheck={false}
            aria-invalid={inputErrors.length > 0 || undefined}
            aria-describedby={inputErrors.length > 0 ? errorId : undefined}
            onChange={(event) => setText(event.target.value)}
            onBlur={() => setTouched(true)}
          />
        </Field>
        {runNow.isError ? <ErrorState title="Could not start the run" error={runNow.error} /> : null}
      </div>
    </Dialog>
  );
}
