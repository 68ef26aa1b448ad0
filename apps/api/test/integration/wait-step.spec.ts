import { describe, expect, it } from 'vitest';
import { waitFor } from '../support/client';
import { useSwitchyard } from '../support/use-switchyard';

describe('wait steps: a callback or a person', () => {
  const sy = useSwitchyard();

  /** Waits until the run waits, and gives its detail. */
  const waiting = (runId: string) =>
    waitFor('the run to wait', async () => {
      const res = await sy.api.request('GET', `/api/runs/${runId}`);
      return res.body.status === 'waiting' && res.body.waits?.length ? res.body : undefined;
    });
  /** The token of a one-time link, posted to this server (its port changes across restarts). */
  const tokenOf = (url: string) => url.split('/').pop()!;
  const post = (path: string, body: string, contentType: string) =>
    fetch(`${sy.url}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body, redirect: 'manual' });

  it('resumes once by its resume URL, whose JSON body is the output; a second call is refused with 410', async () => {
    const workflow = await sy.api.createWorkflow({
      name: 'Callback',
      trigger: { type: 'webhook' },
      steps: [
        { id: 'link', type: 'map', expression: '$resumeUrl' },
        { id: 'w', type: 'wait', mode: 'callback', timeoutAmount: 1, timeoutUnit: 'hours' },
        { id: 'after', type: 'map', expression: 'steps.w.body.answer & "!"' },
      ],
    });
    const { body } = await sy.api.hook(workflow.trigger.token, {});
    const run = await waiting(body.runId);
    expect(run.steps.map((s: any) => s.status)).toEqual(['succeeded', 'pending', 'pending']);
    const link = run.steps[0].output as string;
    expect(link).toMatch(/\/resume\/[A-Za-z0-9_-]{43}$/);
    expect(run.waits).toEqual([expect.objectContaining({ stepId: 'w', mode: 'callback', url: link, resolvedAt: null, outcome: null })]);
    // Tokens are stored hashed only.
    const stored = await sy.db.query<{ token_hash: Buffer }>('SELECT token_hash FROM run_waits');
    expect(stored[0].token_hash.toString('base64url')).not.toBe(tokenOf(link));

    const first = await post(`/resume/${tokenOf(link)}`, JSON.stringify({ answer: 'yes' }), 'application/json');
    expect(first.status).toBe(202);
    const done = await sy.api.waitForRun(body.runId);
    expect(done.status).toBe('succeeded');
    expect(done.steps[1].output).toMatchObject({ status: 'resumed', body: { answer: 'yes' } });
    expect(done.steps[2].output).toBe('yes!');

    const second = await post(`/resume/${tokenOf(link)}`, JSON.stringify({ answer: 'again' }), 'application/json');
    expect(second.status).toBe(410);
    expect(((await second.json()) as any).error.code).toBe('gone');
    expect((await post('/resume/not-a-token', '{}', 'application/json')).status).toBe(404);
    const claims = await sy.db.query<{ claims: number }>('SELECT claims FROM runs WHERE id = $1', [body.runId]);
    expect(claims[0].claims).toBe(2);
  });

  it('takes the timeout path when nobody answers, and refuses a late callback', async () => {
    const workflow = await sy.api.createWorkflow({
      name: 'Timeout',
      trigger: { type: 'webhook' },
      steps: [
        { id: 'w', type: 'wait', mode: 'callback', timeoutAmount: 1, timeoutUnit: 'seconds' },
        {
          id: 'route',
          type: 'branch',
          paths: [
            { name: 'late', condition: 'steps.w.status = "timed_out"', steps: [{ id: 'late', type: 'map', expression: '"timed out"' }] },
          ],
        },
      ],
    });
    const { body } = await sy.api.hook(workflow.trigger.token, {});
    const run = await waiting(body.runId);
    const done = await sy.api.waitForRun(body.runId, 20_000);
    expect(done.status).toBe('succeeded');
    expect(done.steps[0].output).toMatchObject({ status: 'timed_out' });
    expect(JSON.stringify(done.steps[1])).toContain('timed out');
    const late = await post(`/resume/${tokenOf(run.waits[0].url)}`, '{}', 'application/json');
    expect(late.status).toBe(410);
  });

  it('serves an approval page: Approve goes on with who decided; Reject fails the step when set to', async () => {
    const workflow = await sy.api.createWorkflow({
      name: 'Approval',
      trigger: { type: 'webhook' },
      steps: [
        { id: 'ask', type: 'map', expression: '"Please approve: " & $approvalUrl' },
        { id: 'ok', type: 'wait', mode: 'approval', onReject: 'fail' },
        { id: 'after', type: 'map', expression: 'steps.ok.decision' },
      ],
    });
    const approved = (await sy.api.hook(workflow.trigger.token, {})).body.runId;
    const rejected = (await sy.api.hook(workflow.trigger.token, {})).body.runId;
    const first = await waiting(approved);
    const url = first.waits[0].url as string;
    expect(first.waits[0]).toMatchObject({ stepId: 'ok', mode: 'approval' });
    expect(first.steps[0].output).toBe(`Please approve: ${url}`);

    const page = await fetch(`${sy.url}/approve/${tokenOf(url)}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Approval requested by “Approval”');
    expect(html).toMatch(/<button[^>]*value="approve"[^>]*>Approve<\/button>/);
    const decided = await post(`/approve/${tokenOf(url)}`, 'by=Ada+Lovelace&decision=approve', 'application/x-www-form-urlencoded');
    expect(decided.status).toBe(200);
    expect(await decided.text()).toContain('Approved by Ada Lovelace');
    const done = await sy.api.waitForRun(approved);
    expect(done.status).toBe('succeeded');
    expect(done.steps[1].output).toMatchObject({ status: 'approved', decision: 'approve', by: 'Ada Lovelace' });
    expect(done.steps[2].output).toBe('approve');
    expect(done.waits[0]).toMatchObject({ outcome: 'approved', decidedBy: 'Ada Lovelace', url: null });
    const again = await post(`/approve/${tokenOf(url)}`, 'decision=reject', 'application/x-www-form-urlencoded');
    expect(again.status).toBe(410);

    const other = await waiting(rejected);
    const no = await post(`/approve/${tokenOf(other.waits[0].url)}`, 'decision=reject&by=Bob', 'application/x-www-form-urlencoded');
    expect(no.status).toBe(200);
    const failed = await sy.api.waitForRun(rejected);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatchObject({ code: 'WAIT_REJECTED', stepId: 'ok' });
  });

  it('keeps waiting across a restart (no worker slot held), and a new instance resumes it once', async () => {
    const workflow = await sy.api.createWorkflow({
      name: 'Survives',
      trigger: { type: 'webhook' },
      steps: [
        { id: 'w', type: 'wait', mode: 'callback' },
        { id: 'after', type: 'map', expression: 'steps.w.body.n' },
      ],
    });
    const { body } = await sy.api.hook(workflow.trigger.token, {});
    const run = await waiting(body.runId);
    const row = await sy.db.query<{ status: string; worker_id: string | null; lease_until: Date | null }>(
      'SELECT status, lease_until FROM runs WHERE id = $1',
      [body.runId],
    );
    expect(row[0]).toMatchObject({ status: 'waiting', lease_until: null });

    await sy.restart();

    const token = tokenOf(run.waits[0].url);
    const answers = await Promise.all([1, 2, 3].map((n) => post(`/resume/${token}`, JSON.stringify({ n }), 'application/json')));
    expect(answers.map((a) => a.status).sort()).toEqual([202, 410, 410]);
    const done = await sy.api.waitForRun(body.runId, 20_000);
    expect(done.status).toBe('succeeded');
    expect([1, 2, 3]).toContain(done.steps[1].output);
    const claims = await sy.db.query<{ claims: number }>('SELECT claims FROM runs WHERE id = $1', [body.runId]);
    expect(claims[0].claims).toBe(2);
  });
});
