import type { RunStatus } from './contract.types';

/** Every TanStack Query key in one place, so invalidation never guesses a key's shape. */
export const queryKeys = {
  workflows: () => ['workflows'] as const,
  workflow: (id: string) => ['workflows', id] as const,
  workflowRuns: (workflowId: string, status?: RunStatus) => ['workflows', workflowId, 'runs', status ?? 'all'] as const,
  run: (id: string) => ['runs', id] as const,
  health: () => ['health'] as const,
};
