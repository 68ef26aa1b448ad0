import type {
  Clock,
  ConnectionResolver,
  CredentialResolver,
  EnginePorts,
  HttpResponse,
  IdGenerator,
  Logger,
  MailMessage,
  ResolvedConnection,
  ResolvedCredential,
} from '../runner/ports';
import { maskSecrets, recordRequest, type RecordedRequest } from '../steps/shared/outbound-request';

/** The answer every recorded HTTP request gets: a 2xx JSON body that app steps accept (`ok: true`). */
export const RECORDED_HTTP_ANSWER: HttpResponse = Object.freeze({
  status: 200,
  headers: { 'content-type': 'application/json', 'x-switchyard-dry-run': 'recorded, not sent' },
  body: '{"ok":true,"dryRun":true}',
});

/** What a recording port was asked to send, in the order it was asked, with credential values masked. */
export type RecordedSend =
  | { kind: 'http'; request: RecordedRequest }
  | {
      kind: 'email';
      message: {
        smtp: { host: string; port: number; security: string; username?: string };
        from: string;
        to: string[];
        cc?: string[];
        bcc?: string[];
        subject: string;
        text?: string;
        html?: string;
      };
    };

export interface RecordingPorts {
  /** Ports for `runWorkflow`/`executeStep`: HTTP and e-mail are recorded, never sent. */
  ports: EnginePorts;
  /** Everything the engine asked the ports to send, in order. */
  sent: RecordedSend[];
}

/**
 * Engine ports whose side effects are recorded instead of performed (dry runs, rehearsals): no
 * request, message or e-mail leaves the machine. HTTP requests are answered with
 * {@link RECORDED_HTTP_ANSWER}, e-mails with a receipt that accepts every recipient. Values of the
 * credentials resolved through them are masked in what they record. `credentials`, when given, must
 * not perform IO on its own behalf that leaves the machine (the api passes one that does not fetch
 * OAuth2 tokens). `connections` likewise (the api passes one that reads stored tokens and never
 * refreshes them); the values of the connections resolved through it are masked too, and an app's
 * refusal is not reported (the recorded answers are never a refusal).
 */
export function createRecordingPorts(params: {
  clock: Clock;
  ids?: IdGenerator;
  credentials?: CredentialResolver;
  connections?: ConnectionResolver;
  logger?: Logger;
}): RecordingPorts {
  const sent: RecordedSend[] = [];
  const secrets: string[] = [];
  const credentials: CredentialResolver | undefined = params.credentials && {
    resolve: async (credentialId, expectedTypes): Promise<ResolvedCredential> => {
      const resolved = await params.credentials!.resolve(credentialId, expectedTypes);
      secrets.push(...Object.values(resolved.headers), ...Object.values(resolved.fields));
      for (const value of Object.values(resolved.headers)) {
        const token = /^\S+\s+(\S+)$/.exec(value)?.[1];
        if (token) secrets.push(token);
      }
      return resolved;
    },
  };
  const connections: ConnectionResolver | undefined = params.connections && {
    resolve: async (connectionId, app): Promise<ResolvedConnection> => {
      const resolved = await params.connections!.resolve(connectionId, app);
      secrets.push(...resolved.secrets.filter((value) => value.length > 0));
      return resolved;
    },
    reportUnauthorized: async () => undefined,
  };
  const ports: EnginePorts = {
    clock: params.clock,
    ids: params.ids,
    credentials,
    connections,
    logger: params.logger,
    http: {
      send: async (request) => {
        sent.push({ kind: 'http', request: recordRequest({ ...request, secrets }) });
        return { ...RECORDED_HTTP_ANSWER, headers: { ...RECORDED_HTTP_ANSWER.headers } };
      },
    },
    mail: {
      send: async (message: MailMessage) => {
        const { password: _password, ...smtp } = message.smtp;
        const recorded: Extract<RecordedSend, { kind: 'email' }>['message'] = {
          smtp: { ...smtp, username: smtp.username === undefined ? undefined : maskSecrets(smtp.username, secrets) },
          from: message.from,
          to: [...message.to],
          subject: maskSecrets(message.subject, secrets),
        };
        if (smtp.username === undefined) delete recorded.smtp.username;
        if (message.cc) recorded.cc = [...message.cc];
        if (message.bcc) recorded.bcc = [...message.bcc];
        if (message.text !== undefined) recorded.text = maskSecrets(message.text, secrets);
        if (message.html !== undefined) recorded.html = maskSecrets(message.html, secrets);
        sent.push({ kind: 'email', message: recorded });
        return {
          messageId: message.messageId ?? '<dry-run@switchyard>',
          accepted: [...message.to, ...(message.cc ?? []), ...(message.bcc ?? [])],
          rejected: [],
          response: 'recorded, not sent (dry run)',
        };
      },
    },
    // A wait is passed over as if answered (as a delay is passed over), and a called workflow as if
    // it succeeded with no output: nothing is opened or started.
    waits: {
      urls: (key) => ({ resumeUrl: `dry-run:resume/${key}`, approvalUrl: `dry-run:approve/${key}` }),
      open: async ({ key, mode, timeoutAt }) => ({
        resumeUrl: `dry-run:resume/${key}`,
        approvalUrl: `dry-run:approve/${key}`,
        timeoutAt,
        resolution: {
          outcome: mode === 'approval' ? 'approved' : 'resumed',
          ...(mode === 'approval' ? { by: 'dry run' } : { body: null }),
          at: new Date(params.clock.now()).toISOString(),
        },
      }),
    },
    workflows: {
      call: async ({ key, wait, timeoutAt }) => ({
        runId: `dry-run:${key}`,
        status: wait ? 'succeeded' : 'queued',
        timeoutAt,
        output: null,
      }),
    },
  };
  if (!ports.ids) delete ports.ids;
  if (!ports.credentials) delete ports.credentials;
  if (!ports.connections) delete ports.connections;
  if (!ports.logger) delete ports.logger;
  return { ports, sent };
}
