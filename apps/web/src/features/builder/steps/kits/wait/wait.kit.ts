import type { WebStepKit } from '../web-step-kit';

export const waitWebKit: WebStepKit<'wait'> = {
  label: 'Pause for a callback or approval',
  description: 'Pause until a call reaches a one-time URL, or someone approves or rejects.',
  icon: { name: 'lock', background: 'var(--sy-color-neutral-bg)', color: 'var(--sy-color-neutral-text)' },
  create: (id) => ({
    id,
    type: 'wait',
    mode: 'approval',
    timeoutAmount: 1,
    timeoutUnit: 'days',
    onTimeout: 'continue',
    onReject: 'continue',
  }),
  summary(step) {
    const what = step.mode === 'callback' ? 'a call to the resume URL' : 'Approve or Reject';
    const amount = typeof step.timeoutAmount === 'number' ? step.timeoutAmount : 1;
    const unit = String(step.timeoutUnit ?? 'days').replace(/s$/, amount === 1 ? '' : 's');
    return `Waits for ${what}, at most ${amount} ${unit}`;
  },
};
