import type { EnginePorts, HttpRequest, HttpResponse } from '../../src/runner/ports';

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
export function recordingHttp(answer: (request: HttpRequest, index: number) => HttpResponse | Promise<HttpResponse> = () => json(200, { ok: true })) {
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
