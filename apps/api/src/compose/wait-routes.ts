import type { FastifyInstance, FastifyReply } from 'fastify';
import type { WaitStore, WaitView } from './wait-store';

/** Largest callback body, in bytes. */
const MAX_CALLBACK_BYTES = 256 * 1024;

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const OUTCOME_TEXT: Record<string, string> = {
  approved: 'Approved',
  rejected: 'Rejected',
  resumed: 'Answered',
  timed_out: 'Timed out: nobody answered in time',
};

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · Switchyard</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:#f6f7f9;color:#1b1f24;margin:0;padding:24px 16px}
main{max-width:480px;margin:40px auto;background:#fff;border:1px solid #d8dde3;border-radius:8px;padding:24px}
h1{font-size:1.25rem;margin:0 0 8px}p{line-height:1.5}label{display:block;font-weight:600;margin:16px 0 4px}
input{width:100%;box-sizing:border-box;padding:8px;border:1px solid #aab3bd;border-radius:6px;font:inherit}
.actions{display:flex;gap:12px;margin-top:20px;flex-wrap:wrap}button{font:inherit;padding:10px 18px;border-radius:6px;border:1px solid transparent;cursor:pointer}
.approve{background:#1f7a3f;color:#fff}.reject{background:#fff;color:#a4282a;border-color:#a4282a}
button:focus-visible,input:focus-visible{outline:3px solid #3b6fd8;outline-offset:2px}.muted{color:#5a6470}
</style></head><body><main>${body}</main></body></html>`;
}

function approvalPage(token: string, wait: WaitView): string {
  const heading = `Approval requested by “${escape(wait.workflowName)}”`;
  if (wait.resolvedAt || wait.timeoutAt.getTime() <= Date.now()) {
    const outcome = wait.outcome ? (OUTCOME_TEXT[wait.outcome] ?? wait.outcome) : OUTCOME_TEXT.timed_out;
    const by = wait.decidedBy ? ` by ${escape(wait.decidedBy)}` : '';
    return page('Already decided', `<h1>${heading}</h1><p role="status">${escape(outcome)}${by}. This link works once.</p>`);
  }
  return page(
    'Approve or reject',
    `<h1>${heading}</h1>
<p>A run is waiting for a decision (step <code>${escape(wait.stepKey)}</code>). The link works once and expires
<time datetime="${wait.timeoutAt.toISOString()}">${escape(wait.timeoutAt.toUTCString())}</time>.</p>
<form method="post" action="/approve/${encodeURIComponent(token)}">
<label for="by">Your name (optional)</label>
<input id="by" name="by" autocomplete="name" maxlength="200">
<div class="actions">
<button class="approve" type="submit" name="decision" value="approve">Approve</button>
<button class="reject" type="submit" name="decision" value="reject">Reject</button>
</div></form>`,
  );
}

/**
 * The one-time links of waiting runs (ADR 0022), as plain Fastify routes outside the session auth
 * (like `/hooks/:token`): `POST /resume/:token` (its JSON body is the `wait` step's output; a second
 * call answers 410), and `GET|POST /approve/:token`, the approval page, which works without JavaScript.
 */
export function registerWaitRoutes(fastify: FastifyInstance, waits: WaitStore, dispatch: (runIds: string[]) => void): void {
  fastify.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_CALLBACK_BYTES }, (_req, body, done) => done(null, body));

    scope.post<{ Params: { token: string } }>('/resume/:token', async (request, reply) => {
      const raw = (request.body as Buffer | undefined)?.toString('utf8') ?? '';
      let body: unknown = null;
      if (raw.trim() !== '') {
        try {
          body = JSON.parse(raw);
        } catch {
          return reply
            .code(400)
            .send({ error: { code: 'invalid_body', message: 'body: must be JSON', details: [{ path: 'body', message: 'must be JSON' }] } });
        }
      }
      const answer = await waits.resolve(request.params.token, { mode: 'callback', outcome: 'resumed', body });
      return answerJson(reply, answer, dispatch);
    });

    scope.get<{ Params: { token: string } }>('/approve/:token', async (request, reply) => {
      const wait = await waits.byToken(request.params.token);
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').type('text/html; charset=utf-8');
      if (!wait || wait.mode !== 'approval') return reply.code(404).send(page('Not found', '<h1>This link does not exist</h1>'));
      return reply.code(200).send(approvalPage(request.params.token, wait));
    });

    scope.post<{ Params: { token: string } }>('/approve/:token', async (request, reply) => {
      const form = new URLSearchParams((request.body as Buffer | undefined)?.toString('utf8') ?? '');
      const decision = form.get('decision');
      const by = (form.get('by') ?? '').trim().slice(0, 200) || 'someone with the link';
      reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
      if (decision !== 'approve' && decision !== 'reject') {
        return reply.code(400).send(page('Choose', '<h1>Choose Approve or Reject</h1><p>decision: must be approve or reject.</p>'));
      }
      const answer = await waits.resolve(request.params.token, {
        mode: 'approval',
        outcome: decision === 'approve' ? 'approved' : 'rejected',
        by,
      });
      if (answer.kind === 'unknown') return reply.code(404).send(page('Not found', '<h1>This link does not exist</h1>'));
      if (answer.kind === 'gone') {
        const outcome = OUTCOME_TEXT[answer.outcome ?? 'timed_out'] ?? answer.outcome;
        return reply
          .code(410)
          .send(page('Already decided', `<h1>Already decided</h1><p role="status">${escape(String(outcome))}. This link works once.</p>`));
      }
      dispatch([answer.runId]);
      const word = decision === 'approve' ? 'Approved' : 'Rejected';
      return reply
        .code(200)
        .send(page(word, `<h1>${word}</h1><p role="status">${word} by ${escape(by)}. The run goes on; you can close this page.</p>`));
    });
  });
}

function answerJson(reply: FastifyReply, answer: Awaited<ReturnType<WaitStore['resolve']>>, dispatch: (runIds: string[]) => void) {
  if (answer.kind === 'unknown')
    return reply.code(404).send({ error: { code: 'not_found', message: 'token: no wait has this resume URL' } });
  if (answer.kind === 'gone') {
    return reply
      .code(410)
      .send({ error: { code: 'gone', message: `token: this resume URL was already used (${answer.outcome}); it works once` } });
  }
  dispatch([answer.runId]);
  return reply.code(202).send({ resumed: true });
}
