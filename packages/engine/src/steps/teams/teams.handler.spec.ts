import { describe, expect, it } from 'vitest';
import { fakeCredentials, recordingHttp } from '../../../test/support/fake-ports';
import { runStep } from '../../../test/support/run-step';

const HOOK =
  'https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig=SIGsecret123';
const accepted = () => ({ status: 202, headers: {}, body: '' });

describe('teamsHandler', () => {
  it('posts an Adaptive Card message with a bold title and wrapped text', async () => {
    const http = recordingHttp(accepted);
    const executed = await runStep(
      { id: 'card', type: 'teams', url: HOOK, title: 'Order {{ trigger.body.id }}', text: 'Total: {{ trigger.body.total }} EUR' },
      { body: { id: 7, total: 12.5 }, ports: { http } },
    );
    expect(executed.result.status).toBe('succeeded');
    expect(JSON.parse(http.requests[0].body!)).toEqual({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          contentUrl: null,
          content: {
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            type: 'AdaptiveCard',
            version: '1.4',
            body: [
              { type: 'TextBlock', text: 'Order 7', weight: 'Bolder', size: 'Large', wrap: true },
              { type: 'TextBlock', text: 'Total: 12.5 EUR', wrap: true },
            ],
          },
        },
      ],
    });
    expect(executed.result.output).toMatchObject({ status: 202 });
  });

  it('sends only the text block without a title', async () => {
    const http = recordingHttp(accepted);
    await runStep({ id: 'card', type: 'teams', url: HOOK, text: 'plain' }, { ports: { http } });
    const body = JSON.parse(http.requests[0].body!);
    expect(body.attachments[0].content.body).toEqual([{ type: 'TextBlock', text: 'plain', wrap: true }]);
  });

  it('masks the signature of a stored Workflows URL in the journal', async () => {
    const http = recordingHttp(accepted);
    const credentials = fakeCredentials({ cred_t: { type: 'webhook-url', fields: { url: HOOK } } });
    const executed = await runStep({ id: 'card', type: 'teams', credentialId: 'cred_t', text: 'x' }, { ports: { http, credentials } });
    expect(http.requests[0].url).toBe(HOOK);
    expect((executed.result.input as { url: string }).url).toBe('https://prod-12.westeurope.logic.azure.com:443/***');
    expect(JSON.stringify(executed.result)).not.toContain('SIGsecret123');
  });

  it('fails on a non-2xx answer', async () => {
    const http = recordingHttp(() => ({
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: '{"error":{"code":"TriggerInputSchemaMismatch"}}',
    }));
    const executed = await runStep({ id: 'card', type: 'teams', url: HOOK, text: 'x' }, { ports: { http } });
    expect(executed.result.error).toMatchObject({ code: 'HTTP_STATUS', retryable: false, details: { status: 400 } });
  });
});
