import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../schema/workflow-definition.schema';
import type { TriggerData } from '../runner/step-handler';
import { validateDefinition } from '../validation/validate-definition';
import { dryRunWorkflow } from './dry-run-workflow';
import { RECORDED_HTTP_ANSWER } from './recording-ports';

const NOW = Date.UTC(2024, 4, 1, 12);

function definition(steps: unknown[]): WorkflowDefinition {
  const result = validateDefinition({ trigger: { type: 'webhook', response: { mode: 'wait' } }, steps });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.definition;
}

const trigger: TriggerData = { body: { order: 7 }, headers: {}, query: {}, method: 'POST', receivedAt: new Date(NOW).toISOString() };

describe('dryRunWorkflow', () => {
  it('records the call, the e-mail, the wait and the answer of every side-effecting step, in order, and sends nothing', async () => {
    const result = await dryRunWorkflow({
      definition: definition([
        {
          id: 'post',
          type: 'http',
          method: 'POST',
          url: 'https://orders.example.com/{{ trigger.body.order }}',
          body: '{ "n": trigger.body.order }',
        },
        { id: 'wait', type: 'delay', mode: 'for', amount: 2, unit: 'hours' },
        {
          id: 'mail',
          type: 'email',
          host: 'smtp.example.com',
          port: 587,
          credentialId: 'smtp',
          from: 'a@example.com',
          to: 'b@example.com',
          subject: 'Order {{ trigger.body.order }}',
          text: 'status {{ steps.post.status }}',
        },
        { id: 'answer', type: 'respond', status: 201, body: '{ "ok": steps.post.body.dryRun }' },
      ]),
      trigger,
      now: NOW,
      credentials: { resolve: async () => ({ type: 'basic', headers: {}, fields: { username: 'mailer', password: 'p4ssw0rd' } }) },
    });
    expect(result.verdict.status).toBe('succeeded');
    expect(result.wouldSend.map((e) => [e.stepId, e.kind])).toEqual([
      ['post', 'request'],
      ['wait', 'wait'],
      ['mail', 'request'],
      ['answer', 'respond'],
    ]);
    expect(result.wouldSend[0].detail).toMatchObject({ method: 'POST', url: 'https://orders.example.com/7', body: '{"n":7}' });
    expect(result.wouldSend[1].detail).toEqual({ until: new Date(NOW + 2 * 3600_000).toISOString() });
    expect(result.wouldSend[3].detail).toEqual({ status: 201, headers: { 'content-type': 'application/json' }, body: { ok: true } });
    expect(result.sent.map((s) => s.kind)).toEqual(['http', 'email']);
    const email = result.sent[1];
    expect(email.kind === 'email' && email.message).toMatchObject({ subject: 'Order 7', text: `status ${RECORDED_HTTP_ANSWER.status}` });
    expect(JSON.stringify(result)).not.toContain('p4ssw0rd');
  });

  it('masks the values of resolved credentials in what it records', async () => {
    const result = await dryRunWorkflow({
      definition: definition([{ id: 'call', type: 'http', url: 'https://api.example.com/x?key={{ "k" }}', credentialId: 'c1' }]),
      trigger,
      now: NOW,
      credentials: {
        resolve: async () => ({ type: 'bearer', headers: { authorization: 'Bearer s3cr3t-token' }, fields: { token: 's3cr3t-token' } }),
      },
    });
    expect(result.verdict.status).toBe('succeeded');
    expect(result.sent).toHaveLength(1);
    expect(JSON.stringify(result)).not.toContain('s3cr3t-token');
  });

  it('reports the failure of a step as the run would, with what was recorded before it', async () => {
    const result = await dryRunWorkflow({
      definition: definition([
        { id: 'call', type: 'http', url: 'https://api.example.com/a' },
        { id: 'boom', type: 'map', expression: '$error("no")' },
        { id: 'never', type: 'http', url: 'https://api.example.com/b' },
      ]),
      trigger,
      now: NOW,
    });
    expect(result.verdict.status).toBe('failed');
    expect(result.verdict.error?.stepId).toBe('boom');
    expect(result.sent).toHaveLength(1);
    expect(result.wouldSend.map((e) => e.stepId)).toEqual(['call']);
  });
});
