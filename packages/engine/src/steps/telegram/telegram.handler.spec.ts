import { describe, expect, it } from 'vitest';
import { fakeCredentials, json, recordingHttp } from '../../../test/support/fake-ports';
import { runStep } from '../../../test/support/run-step';
import { validateDefinition } from '../../validation/validate-definition';

const TOKEN = '123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11';
const credentials = fakeCredentials({
  cred_bot: { type: 'telegram-bot', fields: { token: TOKEN } },
  cred_url: { type: 'webhook-url', fields: { url: 'https://x.test/h' } },
});
const sent = () => json(200, { ok: true, result: { message_id: 42, chat: { id: -100123 }, text: 'hi' } });

describe('telegramHandler', () => {
  it('calls sendMessage with chat_id, text, parse_mode and disable_notification, and masks the token', async () => {
    const http = recordingHttp(sent);
    const executed = await runStep(
      {
        id: 'tg',
        type: 'telegram',
        credentialId: 'cred_bot',
        chatId: '{{ trigger.body.chat }}',
        text: '<b>{{ trigger.body.msg }}</b>',
        parseMode: 'HTML',
        disableNotification: true,
      },
      { body: { chat: -100123, msg: 'hi' }, ports: { http, credentials }, runId: 'r1' },
    );
    expect(executed.result.status).toBe('succeeded');
    expect(http.requests[0]).toMatchObject({ method: 'POST', url: `https://api.telegram.org/bot${TOKEN}/sendMessage` });
    expect(JSON.parse(http.requests[0].body!)).toEqual({
      chat_id: '-100123',
      text: '<b>hi</b>',
      parse_mode: 'HTML',
      disable_notification: true,
    });
    expect(credentials.calls.at(-1)).toEqual({ id: 'cred_bot', expectedTypes: ['telegram-bot'] });
    expect((executed.result.input as { url: string }).url).toBe('https://api.telegram.org/bot***/sendMessage');
    expect(JSON.stringify(executed.result)).not.toContain(TOKEN);
    expect(executed.result.output).toMatchObject({ status: 200, body: { ok: true, result: { message_id: 42 } } });
  });

  it('uses apiBaseUrl for a self-hosted Bot API server', async () => {
    const http = recordingHttp(sent);
    await runStep(
      { id: 'tg', type: 'telegram', credentialId: 'cred_bot', chatId: '1', text: 'x', apiBaseUrl: 'http://127.0.0.1:8081/' },
      { ports: { http, credentials } },
    );
    expect(http.requests[0].url).toBe(`http://127.0.0.1:8081/bot${TOKEN}/sendMessage`);
    expect(JSON.parse(http.requests[0].body!)).toEqual({ chat_id: '1', text: 'x' });
  });

  it("fails with Telegram's description on ok:false; 429 is retried after retry_after", async () => {
    const answers = [
      json(400, { ok: false, error_code: 400, description: 'Bad Request: chat not found' }),
      json(429, { ok: false, error_code: 429, description: 'Too Many Requests: retry after 7', parameters: { retry_after: 7 } }),
      json(200, { ok: false, description: 'Forbidden: bot was blocked by the user' }),
      { status: 502, headers: { 'content-type': 'text/html' }, body: '<html>Bad Gateway</html>' },
    ];
    const http = recordingHttp((_r, i) => answers[i]);
    const errors = [];
    for (let i = 0; i < answers.length; i++) {
      errors.push(
        (await runStep({ id: 'tg', type: 'telegram', credentialId: 'cred_bot', chatId: '1', text: 'x' }, { ports: { http, credentials } }))
          .result.error,
      );
    }
    expect(errors[0]).toMatchObject({
      code: 'TELEGRAM_ERROR',
      message: 'Telegram: Bad Request: chat not found',
      retryable: false,
      details: { status: 400, errorCode: 400 },
    });
    expect(errors[1]).toMatchObject({ code: 'TELEGRAM_ERROR', retryable: true, details: { status: 429, retryAfterMs: 7000 } });
    expect(errors[2]).toMatchObject({
      code: 'TELEGRAM_ERROR',
      message: 'Telegram: Forbidden: bot was blocked by the user',
      retryable: false,
    });
    expect(errors[3]).toMatchObject({ code: 'TELEGRAM_ERROR', message: 'Telegram: HTTP 502 without a Bot API answer', retryable: true });
    expect(JSON.stringify(errors)).not.toContain(TOKEN);
  });

  it('fails on a missing or wrong credential', async () => {
    const missing = await runStep({ id: 'tg', type: 'telegram', credentialId: 'nope', chatId: '1', text: 'x' }, { ports: { credentials } });
    expect(missing.result.error).toMatchObject({ code: 'CREDENTIAL_NOT_FOUND', field: 'credentialId' });
    const wrong = await runStep(
      { id: 'tg', type: 'telegram', credentialId: 'cred_url', chatId: '1', text: 'x' },
      { ports: { credentials } },
    );
    expect(wrong.result.error).toMatchObject({ code: 'CREDENTIAL_TYPE', field: 'credentialId' });
  });

  it('requires the credential, the chat and the text, and an http(s) apiBaseUrl', () => {
    const result = validateDefinition({
      trigger: { type: 'webhook' },
      steps: [
        { type: 'telegram', chatId: '1', text: 'x', apiBaseUrl: 'file:///etc' },
        { type: 'telegram', credentialId: 'c' },
      ],
    });
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual(['steps[0].credentialId', 'steps[1].chatId', 'steps[1].text']);
    const base = validateDefinition({
      trigger: { type: 'webhook' },
      steps: [{ type: 'telegram', credentialId: 'c', chatId: '1', text: 'x', apiBaseUrl: 'file:///etc' }],
    });
    expect(base.ok ? [] : base.issues).toEqual([{ path: 'steps[0].apiBaseUrl', message: 'must be an http:// or https:// URL' }]);
  });
});
