import './replay.css';
import { useState } from 'react';
import type { ReplayOptions, Run } from '../../../api';
import { Button, Dialog } from '../../../ui';
import { replaySideEffects } from './replay-side-effects';

/**
 * Asked before replaying a run that was already replayed: names the steps that call out and would be
 * sent again, says that they carry the idempotency keys the receivers already saw, and offers fresh
 * keys for when the receiver must apply them again.
 */
export function ReplayConfirmDialog({
  run,
  options,
  pending,
  onConfirm,
  onClose,
}: {
  run: Run;
  options: ReplayOptions | null;
  pending: boolean;
  onConfirm: (options: ReplayOptions) => void;
  onClose: () => void;
}) {
  const [fresh, setFresh] = useState(false);
  const resent = options ? replaySideEffects({ steps: run.steps, from: options.from }) : [];
  const earlier = run.replays.length;
  return (
    <Dialog
      open={options !== null}
      tone="danger"
      title={
        run.resolvedBy
          ? 'This run was already resolved by a replay'
          : `This run was already replayed ${earlier === 1 ? 'once' : `${earlier} times`}`
      }
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="danger"
            icon="replay"
            loading={pending}
            onClick={() => options && onConfirm({ ...options, freshIdempotencyKeys: fresh })}
          >
            Replay again
          </Button>
        </>
      }
    >
      <div className="sy-replay-confirm">
        {resent.length > 0 ? (
          <>
            <p>Replaying it again sends these steps again:</p>
            <ul aria-label="Steps sent again">
              {resent.map((step) => (
                <li key={step.key}>
                  <strong>{step.name}</strong> <span className="sy-muted">({step.type})</span>
                </li>
              ))}
            </ul>
            <p className="sy-muted">
              {fresh
                ? 'With fresh keys, receivers cannot tell these calls from new ones: they apply them again.'
                : 'They carry the same Idempotency-Key as before, so a receiver that deduplicates drops them.'}
            </p>
          </>
        ) : (
          <p>No step of this run calls out: replaying it sends nothing to another service.</p>
        )}
        <label className="sy-replay-confirm__fresh">
          <input type="checkbox" checked={fresh} onChange={(event) => setFresh(event.target.checked)} />
          <span>Use fresh idempotency keys (receivers apply the calls again)</span>
        </label>
      </div>
    </Dialog>
  );
}
