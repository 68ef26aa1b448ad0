import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { Webhook } from 'standardwebhooks';

/** One request an app sink received, with what it answered and why. */
export interface AppSinkRequest {
  service: 'slack' | 'discord' | 'teams' | 'telegram' | 'receiver' | 'unknown';
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
  /** Why the sink refused the request (empty when it accepted it). */
  problems: string[];
}

/**
 * Local stand-ins for Slack, Discord, Teams and Telegram on 127.0.0.1, plus a receiver of signed
 * webhooks. Each checks the payload shape the real service requires and answers like it does:
 * Slack `200 ok` / `400 invalid_payload`, Discord `204` / `400 {message, code}`, Teams Workflows
 * `202` / `400`, Telegram `{ ok, result }` / `{ ok: false, error_code, description }`. The
 * receiver verifies Standard Webhooks signatures with the `standardwebhooks` library.
 */
export interface AppSinks {
  url: string;
  requests: AppSinkRequest[];
  /** Answer the next `times` Slack posts with `status` (e.g. 503), then normally again. */
  failSlack(times: number, status: number): void;
  close(): Promise<void>;
}

export async function startAppSinks(options: { telegramToken: string; telegramChats: string[]; signingSecret: string }): Promise<AppSinks> {
  const requests: AppSinkRequest[] = [];
  let slackFailures: number[] = [];
  const receiver = new Webhook(options.signingSecret);
  let messageId = 100;

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = req.url ?? '';
      const record = (
        service: AppSinkRequest['service'],
        status: number,
        problems: string[],
        contentType: string | null,
        reply: string,
      ) => {
        requests.push({ service, method: req.method ?? '', url, headers: req.headers, body, status, problems });
        res.writeHead(status, contentType ? { 'content-type': contentType } : {});
        res.end(reply);
      };
      const json = parseJson(body);
      const isJson = (req.headers['content-type'] ?? '').startsWith('application/json');

      if (url.startsWith('/slack/services/')) {
        const failure = slackFailures.shift();
        if (failure !== undefined)
          return record('slack', failure, [`failing on purpose with ${failure}`], 'text/plain', 'service unavailable');
        const problems = checkSlack(json, isJson);
        return problems.length === 0
          ? record('slack', 200, [], 'text/html', 'ok')
          : record('slack', 400, problems, 'text/html', 'invalid_payload');
      }
      if (url.startsWith('/discord/api/webhooks/')) {
        const problems = checkDiscord(json, isJson);
        return problems.length === 0
          ? record('discord', 204, [], null, '')
          : record('discord', 400, problems, 'application/json', JSON.stringify({ message: problems.join('; '), code: 50006 }));
      }
      if (url.startsWith('/teams/workflows/')) {
        const problems = checkTeams(json, isJson);
        return problems.length === 0
          ? record('teams', 202, [], null, '')
          : record(
              'teams',
              400,
              problems,
              'application/json',
              JSON.stringify({ error: { code: 'TriggerInputSchemaMismatch', message: problems.join('; ') } }),
            );
      }
      const telegram = /^\/telegram\/bot([^/]+)\/sendMessage$/.exec(url);
      if (telegram) {
        if (decodeURIComponent(telegram[1]) !== options.telegramToken) {
          return record(
            'telegram',
            401,
            ['wrong bot token'],
            'application/json',
            JSON.stringify({ ok: false, error_code: 401, description: 'Unauthorized' }),
          );
        }
        const problems = checkTelegram(json, isJson);
        if (problems.length > 0) {
          return record(
            'telegram',
            400,
            problems,
            'application/json',
            JSON.stringify({ ok: false, error_code: 400, description: `Bad Request: ${problems.join('; ')}` }),
          );
        }
        const message = json as { chat_id: string | number; text: string };
        if (!options.telegramChats.includes(String(message.chat_id))) {
          return record(
            'telegram',
            400,
            ['chat not found'],
            'application/json',
            JSON.stringify({ ok: false, error_code: 400, description: 'Bad Request: chat not found' }),
          );
        }
        const result = {
          message_id: ++messageId,
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(message.chat_id), type: 'private' },
          text: message.text,
        };
        return record('telegram', 200, [], 'application/json', JSON.stringify({ ok: true, result }));
      }
      if (url.startsWith('/receiver')) {
        try {
          receiver.verify(body, req.headers as Record<string, string>);
          return record('receiver', 204, [], null, '');
        } catch (err) {
          return record('receiver', 401, [(err as Error).message], 'application/json', JSON.stringify({ error: 'invalid signature' }));
        }
      }
      return record('unknown', 404, ['no such route'], 'text/plain', 'not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failSlack(times, status) {
      slackFailures = Array.from({ length: times }, () => status);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Slack incoming webhooks: JSON with a text (or blocks); blocks are objects with a type. */
function checkSlack(body: unknown, isJson: boolean): string[] {
  const problems: string[] = [];
  if (!isJson || !isObject(body)) return ['body must be a JSON object'];
  if (typeof body.text !== 'string' || body.text === '') problems.push('text must be a non-empty string');
  if (body.blocks !== undefined && (!Array.isArray(body.blocks) || !body.blocks.every((b) => isObject(b) && typeof b.type === 'string')))
    problems.push('blocks must be an array of blocks');
  if (body.username !== undefined && typeof body.username !== 'string') problems.push('username must be a string');
  if (body.icon_emoji !== undefined && !/^:[a-z0-9_+-]+:$/.test(String(body.icon_emoji))) problems.push('icon_emoji must be :name:');
  for (const key of Object.keys(body))
    if (!['text', 'blocks', 'username', 'icon_emoji', 'icon_url', 'channel'].includes(key)) problems.push(`unknown field ${key}`);
  return problems;
}

/** Discord webhooks: content of at most 2,000 characters and/or at most 10 embeds. */
function checkDiscord(body: unknown, isJson: boolean): string[] {
  const problems: string[] = [];
  if (!isJson || !isObject(body)) return ['body must be a JSON object'];
  if (body.content === undefined && body.embeds === undefined) problems.push('Cannot send an empty message');
  if (body.content !== undefined && (typeof body.content !== 'string' || body.content.length > 2000))
    problems.push('content must be a string of at most 2000 characters');
  if (body.embeds !== undefined && (!Array.isArray(body.embeds) || body.embeds.length > 10 || !body.embeds.every(isObject)))
    problems.push('embeds must be at most 10 objects');
  if (body.avatar_url !== undefined && !/^https?:\/\//.test(String(body.avatar_url))) problems.push('avatar_url must be a URL');
  for (const key of Object.keys(body))
    if (!['content', 'username', 'avatar_url', 'embeds', 'tts', 'allowed_mentions'].includes(key)) problems.push(`unknown field ${key}`);
  return problems;
}

/** Teams Workflows webhooks: a message with one Adaptive Card attachment. */
function checkTeams(body: unknown, isJson: boolean): string[] {
  if (!isJson || !isObject(body)) return ['body must be a JSON object'];
  if (body.type !== 'message') return ['type must be message'];
  const attachments = body.attachments;
  if (!Array.isArray(attachments) || attachments.length !== 1 || !isObject(attachments[0])) return ['attachments must hold one card'];
  const attachment = attachments[0];
  if (attachment.contentType !== 'application/vnd.microsoft.card.adaptive')
    return ['contentType must be application/vnd.microsoft.card.adaptive'];
  const card = attachment.content;
  if (!isObject(card) || card.type !== 'AdaptiveCard' || typeof card.version !== 'string')
    return ['content must be an AdaptiveCard with a version'];
  if (
    !Array.isArray(card.body) ||
    card.body.length === 0 ||
    !card.body.every((b) => isObject(b) && b.type === 'TextBlock' && typeof b.text === 'string')
  ) {
    return ['card body must be TextBlocks'];
  }
  return [];
}

/** Telegram sendMessage: chat_id and a text of 1-4096 characters; parse_mode MarkdownV2, HTML or Markdown. */
function checkTelegram(body: unknown, isJson: boolean): string[] {
  const problems: string[] = [];
  if (!isJson || !isObject(body)) return ['body must be JSON'];
  if (body.chat_id === undefined || body.chat_id === '') problems.push('chat_id is empty');
  if (typeof body.text !== 'string' || body.text.length === 0 || body.text.length > 4096)
    problems.push('message text is empty or too long');
  if (body.parse_mode !== undefined && !['MarkdownV2', 'HTML', 'Markdown'].includes(String(body.parse_mode)))
    problems.push('unsupported parse_mode');
  if (body.disable_notification !== undefined && typeof body.disable_notification !== 'boolean')
    problems.push('disable_notification must be a boolean');
  return problems;
}

/** A message the local SMTP server received. */
export interface ReceivedMail {
  user: string | undefined;
  from: string;
  to: string[];
  data: string;
}

/** An SMTP server on 127.0.0.1 (smtp-server) that requires a login and keeps what it receives. */
export async function startSmtpSink(options: {
  username: string;
  password: string;
}): Promise<{ port: number; mails: ReceivedMail[]; close(): Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === options.username && auth.password === options.password) callback(null, { user: auth.username });
      else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push({
          user: session.user as string | undefined,
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    mails,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
