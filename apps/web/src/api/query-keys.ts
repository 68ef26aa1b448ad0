/** Every TanStack Query key in one place, so invalidation never guesses a key's shape. */
export const queryKeys = {
  workflows: () => ['workflows'] as const,
  workflow: (id: string) => ['workflows', id] as const,
  workflowDraft: (id: string) => ['workflows', id, 'draft'] as const,
  workflowVersions: (id: string) => ['workflows', id, 'versions'] as const,
  pinnedSample: (id: string) => ['workflows', id, 'sample'] as const,
  /** Without filters: the prefix of every runs query of the workflow, for invalidation. */
  workflowRuns: (workflowId: string, filters?: object) =>
    filters ? (['workflows', workflowId, 'runs', filters] as const) : (['workflows', workflowId, 'runs'] as const),
  /** Without a verdict: the prefix of every request query of the workflow (the builder's samples and the log). */
  workflowRequests: (workflowId: string) => ['workflows', workflowId, 'requests'] as const,
  requestLog: (workflowId: string, verdict?: string) => ['workflows', workflowId, 'requests', 'log', verdict ?? 'all'] as const,
  workflowRunStats: (workflowId: string) => ['workflows', workflowId, 'run-stats'] as const,
  runs: (filters?: object) => (filters ? (['runs', 'list', filters] as const) : (['runs', 'list'] as const)),
  run: (id: string) => ['runs', id] as const,
  stepOutput: (runId: string, stepId: string) => ['runs', runId, 'steps', stepId, 'output'] as const,
  loopItems: (runId: string, stepKey: string, offset: number) => ['runs', runId, 'steps', stepKey, 'items', offset] as const,
  health: () => ['health'] as const,
  credentials: () => ['credentials'] as const,
  credentialTypes: () => ['credential-types'] as const,
  connections: () => ['connections'] as const,
  fieldOptions: (request: object) => ['field-options', request] as const,
  dynamicFields: (request: object) => ['dynamic-fields', request] as const,
  members: () => ['workspace', 'members'] as const,
  invites: () => ['workspace', 'invites'] as const,
  apiKeys: () => ['workspace', 'api-keys'] as const,
  audit: () => ['workspace', 'audit'] as const,
  instanceSettings: () => ['settings', 'instance'] as const,
  ssoSettings: () => ['settings', 'sso'] as const,
  workspaceSettings: () => ['workspace', 'settings'] as const,
  egressCheck: (url: string) => ['workspace', 'egress-check', url] as const,
};
