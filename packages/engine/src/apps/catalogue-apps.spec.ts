import { describe, expect, it } from 'vitest';
import { json, recordingHttp } from '../../test/support/fake-ports';
import { runStep } from '../../test/support/run-step';
import { findApp, findAppAction, findAppField } from './app-catalogue';
import { loadFieldOptions } from './load-field-options';

// Behaviour of the catalogue apps beyond their documented fixtures: the app's own failure answers,
// the RFC 822 message Gmail is sent, and the live lists that depend on another field.

function connections(values: Record<string, string>) {
  const reported: string[] = [];
  return {
    reported,
    resolve: async (_id: string, app: string) => ({ app, values, secrets: Object.values(values) }),
    reportUnauthorized: async (id: string) => {
      reported.push(id);
    },
  };
}

/** Decodes a quoted-printable body (soft line breaks, =XX bytes) as UTF-8. */
function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const joined = text.replace(/=\r\n/g, '');
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === '=') {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(joined.charCodeAt(i));
  }
  return Buffer.from(bytes).toString('utf8');
}

describe('catalogue apps', () => {
  it("Linear: GraphQL errors in a 200 answer fail the step with Linear's message; an authentication error needs reconnecting", async () => {
    const step = { id: 'l', type: 'app', app: 'linear', action: 'add-comment', connectionId: 'c1', input: { issueId: 'ENG-1', body: 'x' } };
    const invalid = await runStep(step, {
      ports: {
        http: recordingHttp(() =>
          json(200, { data: null, errors: [{ message: 'Entity not found: Issue', extensions: { code: 'INVALID_INPUT' } }] }),
        ),
        connections: connections({ apiKey: 'lin_api_secret_1' }),
      },
    });
    expect(invalid.result.error).toMatchObject({ code: 'APP_ERROR', retryable: false });
    expect(invalid.result.error?.message).toContain('Entity not found: Issue');
    const ports = connections({ apiKey: 'lin_api_secret_1' });
    const unauthenticated = await runStep(step, {
      ports: {
        http: recordingHttp(() =>
          json(200, { errors: [{ message: 'Authentication required, not authenticated', extensions: { code: 'AUTHENTICATION_ERROR' } }] }),
        ),
        connections: ports,
      },
    });
    expect(unauthenticated.result.error).toMatchObject({ code: 'CONNECTION_NEEDS_RECONNECTING', field: 'connectionId' });
    expect(ports.reported).toEqual(['c1']);
  });

  it("Pipedrive: success false fails the step with Pipedrive's error; Jira names the field of a 400", async () => {
    const pipedrive = await runStep(
      { id: 'p', type: 'app', app: 'pipedrive', action: 'create-deal', connectionId: 'c1', input: { title: 'D' } },
      {
        ports: {
          http: recordingHttp(() =>
            json(200, { success: false, error: 'Stage not found', error_info: 'Please check developers.pipedrive.com' }),
          ),
          connections: connections({ access_token: 'tok-1', companyDomain: 'acme' }),
        },
      },
    );
    expect(pipedrive.result.error?.message).toContain('Stage not found (Please check developers.pipedrive.com)');
    const jira = await runStep(
      {
        id: 'j',
        type: 'app',
        app: 'jira',
        action: 'create-issue',
        connectionId: 'c1',
        input: { projectKey: 'ED', issueTypeId: '1', summary: 'x' },
      },
      {
        ports: {
          http: recordingHttp(() => json(400, { errorMessages: [], errors: { summary: 'You must specify a summary of the issue.' } })),
          connections: connections({ apiToken: 'atl-secret', site: 'acme', email: 'me@example.com' }),
        },
      },
    );
    expect(jira.result.error?.message).toContain('summary: You must specify a summary of the issue.');
  });

  it('Gmail: the raw message decodes to the headers and the exact UTF-8 subject and body, lines of at most 76', async () => {
    const http = recordingHttp(() => json(200, { id: 'm1', threadId: 't1', labelIds: ['SENT'] }));
    const body = 'Grüße — 注文 #1001 = shipped_today?\nSecond line with trailing space ';
    const executed = await runStep(
      {
        id: 'g',
        type: 'app',
        app: 'gmail',
        action: 'send-email',
        connectionId: 'c1',
        input: { to: 'bob@example.com', bcc: 'audit@example.com', subject: 'Bestellung_1 ✓ ?', body },
      },
      { ports: { http, connections: connections({ access_token: 'ya29.secret' }) } },
    );
    expect(executed.result.error).toBeUndefined();
    const raw = (JSON.parse(http.requests[0].body!) as { raw: string }).raw;
    expect(raw).toMatch(/^[A-Za-z0-9_-]+$/);
    const message = Buffer.from(raw, 'base64url').toString('latin1');
    const [head, encoded] = message.split('\r\n\r\n');
    const headers = head.split('\r\n');
    expect(headers).toContain('To: bob@example.com');
    expect(headers).toContain('Bcc: audit@example.com');
    expect(headers).toContain('Content-Type: text/plain; charset=UTF-8');
    const subject = headers.find((h) => h.startsWith('Subject: '))!;
    const [, q] = /^Subject: =\?UTF-8\?Q\?(.*)\?=$/.exec(subject)!;
    expect(q).not.toMatch(/[ _?]/);
    expect(decodeQuotedPrintable(q)).toBe('Bestellung_1 ✓ ?');
    expect(encoded.split('\r\n').every((line) => line.length <= 76 && /^[\x21-\x7e]*$/.test(line))).toBe(true);
    expect(decodeQuotedPrintable(encoded)).toBe(body);
  });

  it('live lists that depend on another field: Jira issue types, Linear states, ClickUp lists', async () => {
    const field = (app: string, action: string, name: string) => {
      const found = findApp(app)!;
      return { app: found, field: findAppField(findAppAction(found, action)!, name)! };
    };
    const connection = {
      app: 'x',
      values: { apiKey: 'k', apiToken: 't', site: 'acme', email: 'e', token: 'pk_1' },
      secrets: ['k', 't', 'pk_1'],
    };
    await expect(
      loadFieldOptions({
        ...field('jira', 'create-issue', 'issueTypeId'),
        input: {},
        connection,
        ports: { http: recordingHttp() },
        evaluate: {},
      }),
    ).rejects.toMatchObject({ info: { field: 'input.projectKey' } });
    const jiraHttp = recordingHttp(() =>
      json(200, {
        key: 'ED',
        issueTypes: [
          { id: '10001', name: 'Task', subtask: false },
          { id: '10002', name: 'Sub-task', subtask: true },
        ],
      }),
    );
    const types = await loadFieldOptions({
      ...field('jira', 'create-issue', 'issueTypeId'),
      input: { projectKey: 'ED' },
      connection,
      ports: { http: jiraHttp },
      evaluate: {},
    });
    expect(types.items).toEqual([{ label: 'Task', value: '10001' }]);
    expect(jiraHttp.requests[0].url).toBe('https://acme.atlassian.net/rest/api/3/project/ED');

    const linearHttp = recordingHttp(() =>
      json(200, {
        data: {
          team: {
            states: {
              nodes: [
                { id: 's1', name: 'Todo', type: 'unstarted' },
                { id: 's2', name: 'Done', type: 'completed' },
              ],
            },
          },
        },
      }),
    );
    const states = await loadFieldOptions({
      ...field('linear', 'create-issue', 'stateId'),
      input: { teamId: 'team-1' },
      connection,
      ports: { http: linearHttp },
      evaluate: {},
    });
    expect(states.items.map((i) => i.label)).toEqual(['Todo', 'Done']);
    expect(JSON.parse(linearHttp.requests[0].body!)).toMatchObject({ variables: { id: 'team-1' } });
    expect(linearHttp.requests[0].method).toBe('POST');

    const clickupHttp = recordingHttp(() => json(200, { lists: [{ id: '124', name: 'Backlog' }] }));
    const lists = await loadFieldOptions({
      ...field('clickup', 'create-task', 'listId'),
      input: { teamId: '1', spaceId: '790' },
      connection,
      ports: { http: clickupHttp },
      evaluate: {},
    });
    expect(lists.items).toEqual([{ label: 'Backlog', value: '124' }]);
    expect(clickupHttp.requests[0].headers.authorization).toBe('pk_1');
  });
});
