import type { EnginePorts, HttpRequest, HttpResponse, MailMessage, MailReceipt } from '../../src/runner/ports';

/** Test helpers: deterministic ports. Not exported from the package. */

/** A clock that advances `tick` ms per reading, from `start`. */
export function steppingClock(start = 0, tick = 10): EnginePorts['clock'] & { set(ms: number): void } {
  let now = start;
  return {
    now: () => {
      const value = now;
      now += tick;
      return value;
    },
    set: (ms: number) => {
      now = ms;
    },
  };
}

/** An HTTP port that records requests and answers with `answer` (default 200 `{"ok":true}`). */
export function recordingHttp(
  answer: (request: HttpRequest, index: number) => HttpResponse | Promise<HttpResponse> = () => json(200, { ok: true }),
) {
  const requests: HttpRequest[] = [];
  return {
    requests,
    send: async (request: HttpRequest) => {
      requests.push(request);
      return answer(request, requests.length - 1);
    },
  };
}

export function json(status: number, body: unknown): HttpResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** Sequential ids `id-1`, `id-2`, ... */
export function countingIds(): NonNullable<EnginePorts['ids']> {
  let n = 0;
  return { uuid: () => `id-${++n}` };
}

/** A stored credential as the fake resolver serves it. */
export interface FakeCredential {
  type: string;
  fields?: Record<string, string>;
  headers?: Record<string, string>;
}

/**
 * A credentials port over an in-memory store; like the host it refuses an unknown id
 * (CREDENTIAL_NOT_FOUND) and a type the step does not accept (CREDENTIAL_TYPE).
 */
export function fakeCredentials(
  stored: Record<string, FakeCredential>,
): NonNullable<EnginePorts['credentials']> & { calls: Array<{ id: string; expectedTypes?: ReadonlyArray<string> }> } {
  const calls: Array<{ id: string; expectedTypes?: ReadonlyArray<string> }> = [];
  return {
    calls,
    async resolve(id, expectedTypes) {
      calls.push({ id, expectedTypes });
      const credential = stored[id];
      if (!credential)
        throw Object.assign(new Error(`credential ${id} does not exist`), { code: 'CREDENTIAL_NOT_FOUND', kind: 'user', retryable: false });
      if (expectedTypes && !expectedTypes.includes(credential.type)) {
        throw Object.assign(
          new Error(`credential ${id} is a ${credential.type} credential; this step needs ${expectedTypes.join(' or ')}`),
          {
            code: 'CREDENTIAL_TYPE',
            kind: 'user',
            retryable: false,
          },
        );
      }
      return { type: credential.type, headers: { ...credential.headers }, fields: { ...credential.fields } };
    },
  };
}

/** A mail port that records messages and answers with `answer` (default: every recipient accepted). */
export function recordingMail(answer?: (message: MailMessage) => MailReceipt | Promise<MailReceipt>) {
  const messages: MailMessage[] = [];
  return {
    messages,
    send: async (message: MailMessage): Promise<MailReceipt> => {
      messages.push(structuredClone(message));
      if (answer) return answer(message);
      const accepted = [...message.to, ...(message.cc ?? []), ...(message.bcc ?? [])];
      return { messageId: message.messageId ?? '<generated@test>', accepted, rejected: [], response: '250 2.0.0 OK queued' };
    },
  };
}
