import type { WebStepKit } from '../web-step-kit';

export const subworkflowWebKit: WebStepKit<'subworkflow'> = {
  label: 'Run workflow',
  description: 'Run another workflow with an input; wait for its result or go on.',
  icon: { name: 'workflow' },
  create: (id) => ({
    id,
    type: 'subworkflow',
    workflowId: '',
    input: 'trigger.body',
    mode: 'wait',
    timeoutAmount: 1,
    timeoutUnit: 'hours',
  }),
  summary(step) {
    if (!step.workflowId) return '';
    return step.mode === 'fire' ? 'Starts a workflow and goes on' : 'Runs a workflow and waits for its result';
  },
  clean(step) {
    if (step.mode !== 'fire') return step;
    return Object.fromEntries(
      Object.entries(step).filter(([field]) => field !== 'timeoutAmount' && field !== 'timeoutUnit'),
    ) as typeof step;
  },
};
