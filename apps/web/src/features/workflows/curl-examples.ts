/** Quotes a value for a POSIX shell: single quotes, with embedded ones closed, escaped and reopened. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export const EXAMPLE_WORKFLOW = {
  name: 'Forward new signups',
  trigger: { type: 'webhook' },
  steps: [
    { id: 'shape', type: 'map', expression: '{ "email": trigger.body.email, "plan": trigger.body.plan }' },
    { id: 'paid', type: 'filter', condition: "steps.shape.plan != 'free'" },
    { id: 'notify', type: 'http', method: 'POST', url: 'https://example.com/hooks/signups', body: 'steps.shape' },
  ],
};

/** The command that creates a workflow over the API, shown while the builder is not there yet. */
export function createWorkflowCurl(params: { origin: string; workflow?: unknown }): string {
  const body = JSON.stringify(params.workflow ?? EXAMPLE_WORKFLOW, null, 2);
  return [
    `curl -X POST ${shellQuote(`${params.origin}/api/workflows`)} \\`,
    // The API needs a key of the workspace (created by an admin; see docs/accounts.md).
    `  -H "Authorization: Bearer $SWITCHYARD_API_KEY" \\`,
    `  -H 'content-type: application/json' \\`,
    `  -d ${shellQuote(body)}`,
  ].join('\n');
}

/** The command that sends a test webhook to a trigger URL. */
export function sendWebhookCurl(params: { url: string; body?: unknown }): string {
  const body = JSON.stringify(params.body ?? { email: 'ada@example.com', plan: 'pro' });
  return [`curl -X POST ${shellQuote(params.url)} \\`, `  -H 'content-type: application/json' \\`, `  -d ${shellQuote(body)}`].join('\n');
}
