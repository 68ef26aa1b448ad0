import { describe, expect, it } from 'vitest';
import { useSwitchyard } from '../support/use-switchyard';

/** The hidden one-time submission id of a rendered form page. */
function submissionOf(html: string): string {
  const match = /name="_submission" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('the page has no submission id');
  return match[1];
}

describe('hosted form', () => {
  const sy = useSwitchyard();

  const contactForm = (extra: Record<string, unknown> = {}) => ({
    name: 'Contact',
    trigger: {
      type: 'form',
      title: 'Contact us',
      description: 'We answer within a day.',
      fields: [
        { name: 'name', label: 'Your name', type: 'text', required: true, help: 'As on your invoice' },
        { name: 'email', label: 'E-mail', type: 'email', required: true },
        { name: 'seats', label: 'Seats', type: 'number' },
        { name: 'plan', label: 'Plan', type: 'choice', options: ['Free', 'Team'], required: true },
        { name: 'message', label: 'Message', type: 'longtext' },
      ],
      thankYou: 'Thanks, we got it.',
      ...extra,
    },
    steps: [{ id: 'echo', type: 'http', method: 'POST', url: `${sy.sink.url}/form`, body: '{ "got": trigger.body }' }],
  });

  const post = (token: string, fields: Record<string, string>) =>
    fetch(`${sy.url}/forms/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    });

  const requestsOf = async (workflowId: string) =>
    (await sy.api.request('GET', `/api/workflows/${workflowId}/requests`)).body.items as Array<Record<string, any>>;

  it('serves an accessible page without signing in, and a valid sending starts a run recorded as a form request', async () => {
    const workflow = await sy.api.createWorkflow(contactForm());
    expect(workflow.trigger.url).toBe(`${sy.instance.config.publicUrl}/forms/${workflow.trigger.token}`);

    const page = await fetch(`${sy.url}/forms/${workflow.trigger.token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("form-action 'self'");
    const html = await page.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<label for="f-name">Your name</label>');
    expect(html).toMatch(/<input type="text" id="f-name"[^>]*name="name" required aria-describedby="f-name-help"/);
    expect(html).toMatch(/<input type="email" id="f-email"[^>]*required/);
    expect(html).toMatch(/<input type="number" id="f-seats"/);
    expect(html).toContain('<legend>Plan</legend>');
    expect(html).toMatch(/<textarea id="f-message"/);

    const sent = await post(workflow.trigger.token, {
      _submission: submissionOf(html),
      name: ' Ada ',
      email: 'ada@example.com',
      seats: '3',
      plan: 'Team',
      message: '',
    });
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain('Thanks, we got it.');

    const [request] = await requestsOf(workflow.id);
    expect(request).toMatchObject({ verdict: 'form', reason: 'Form "Contact us" sent', statusCode: 200, runId: expect.any(String) });
    const run = await sy.api.waitForRun(request.runId);
    expect(run.status).toBe('succeeded');
    expect(run.trigger.body).toEqual({ name: 'Ada', email: 'ada@example.com', seats: 3, plan: 'Team', message: null });
    expect(sy.sink.requests.filter((r) => r.url === '/form').map((r) => JSON.parse(r.body))).toContainEqual({
      got: { name: 'Ada', email: 'ada@example.com', seats: 3, plan: 'Team', message: null },
    });

    // The same page sent again (a double click) is recorded as a duplicate and starts no second run.
    const again = await post(workflow.trigger.token, {
      _submission: submissionOf(html),
      name: 'Ada',
      email: 'ada@example.com',
      plan: 'Team',
    });
    expect(again.status).toBe(200);
    const requests = await requestsOf(workflow.id);
    expect(requests.map((r) => r.verdict).sort()).toEqual(['duplicate', 'form']);
    expect(requests.find((r) => r.verdict === 'duplicate')).toMatchObject({ runId: null, reason: expect.stringContaining(run.id) });

    // A form request is a request like any other: it can be run again from the log.
    const replay = await sy.api.request('POST', `/api/requests/${request.id}/replay`);
    expect(replay.status).toBe(201);
    expect((await sy.api.waitForRun(replay.body.runId)).trigger.body).toMatchObject({ name: 'Ada', seats: 3 });
  });

  it('refuses an invalid sending with 400, naming each field and the reason next to it, keeping the values, starting nothing', async () => {
    const workflow = await sy.api.createWorkflow(contactForm());
    const sent = await post(workflow.trigger.token, { name: '', email: 'not-an-address', seats: 'many', plan: 'Enterprise' });
    expect(sent.status).toBe(400);
    const html = await sent.text();
    expect(html).toContain('There are 4 problems');
    expect(html).toContain('<p class="error" id="f-name-error">Your name is required</p>');
    expect(html).toContain('<p class="error" id="f-email-error">E-mail must be an e-mail address</p>');
    expect(html).toContain('Seats must be a number');
    expect(html).toContain('Plan must be one of the options (Free, Team)');
    expect(html).toMatch(/id="f-name"[^>]*aria-describedby="f-name-help f-name-error" aria-invalid="true"/);
    expect(html).toContain('value="not-an-address"');
    expect(html).toContain('<a href="#f-email">');
    expect(await requestsOf(workflow.id)).toHaveLength(0);
  });

  it('escapes what people type and what the form says (no markup gets through)', async () => {
    const workflow = await sy.api.createWorkflow(
      contactForm({ title: 'Hi <b>there</b>', description: '<script>alert(1)</script>', thankYou: '<img src=x onerror=alert(1)>' }),
    );
    const page = await (await fetch(`${sy.url}/forms/${workflow.trigger.token}`)).text();
    expect(page).toContain('<h1>Hi &lt;b&gt;there&lt;/b&gt;</h1>');
    expect(page).not.toContain('<script>');

    const evil = '"><script>alert(1)</script>';
    const refused = await (await post(workflow.trigger.token, { name: evil, email: evil, plan: 'Free' })).text();
    expect(refused).not.toContain('<script>');
    expect(refused).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');

    const thanks = await (
      await post(workflow.trigger.token, { name: evil, email: 'a@b.co', plan: 'Free', message: '</textarea><b>' })
    ).text();
    expect(thanks).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(thanks).not.toContain('<img');
    const [request] = await requestsOf(workflow.id);
    expect((await sy.api.waitForRun(request.runId)).trigger.body).toMatchObject({ name: evil, message: '</textarea><b>' });
  });

  it('answers 404 for an unknown token or a workflow that is not a form, 410 when switched off, and redirects with 303', async () => {
    const unknown = await fetch(`${sy.url}/forms/not-a-real-token-at-all`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('Form not found');
    expect((await post('not-a-real-token-at-all', { name: 'x' })).status).toBe(404);

    const webhook = await sy.api.createWorkflow({ name: 'Hook', trigger: { type: 'webhook' }, steps: [] });
    expect((await fetch(`${sy.url}/forms/${webhook.trigger.token}`)).status).toBe(404);

    const redirecting = await sy.api.createWorkflow(contactForm({ redirectUrl: 'https://example.com/thanks?from=form' }));
    const page = await fetch(`${sy.url}/forms/${redirecting.trigger.token}`);
    expect(page.headers.get('content-security-policy')).toContain("form-action 'self' https://example.com");
    const sent = await post(redirecting.trigger.token, { name: 'Bo', email: 'bo@example.com', plan: 'Free' });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe('https://example.com/thanks?from=form');
    expect((await requestsOf(redirecting.id))[0]).toMatchObject({ verdict: 'form', statusCode: 303 });

    await sy.api.request('PATCH', `/api/workflows/${redirecting.id}`, { active: false });
    const closed = await fetch(`${sy.url}/forms/${redirecting.trigger.token}`);
    expect(closed.status).toBe(410);
    expect(await closed.text()).toContain('This form is closed');
    expect((await post(redirecting.trigger.token, { name: 'Bo', email: 'bo@example.com', plan: 'Free' })).status).toBe(410);
    expect(await requestsOf(redirecting.id)).toHaveLength(1);
  });

  it('rotates the token: the old address is gone at once, the new one serves the form', async () => {
    const workflow = await sy.api.createWorkflow(contactForm());
    const rotated = await sy.api.request('POST', `/api/workflows/${workflow.id}/token`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.trigger.token).not.toBe(workflow.trigger.token);
    expect(rotated.body.trigger.url).toBe(`${sy.instance.config.publicUrl}/forms/${rotated.body.trigger.token}`);
    expect((await fetch(`${sy.url}/forms/${workflow.trigger.token}`)).status).toBe(404);
    expect((await fetch(`${sy.url}/forms/${rotated.body.trigger.token}`)).status).toBe(200);
    const audit = await sy.api.request('GET', '/api/audit?action=workflow.token_rotated');
    expect(audit.body.items.some((e: any) => e.target.id === workflow.id)).toBe(true);
  });

  it('limits how often one address may send a form (429 with Retry-After)', async () => {
    const workflow = await sy.api.createWorkflow(contactForm());
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await post(workflow.trigger.token, { name: '' })).status);
    expect(statuses.slice(0, 20).every((s) => s === 400)).toBe(true);
    const limited = await post(workflow.trigger.token, { name: '' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
