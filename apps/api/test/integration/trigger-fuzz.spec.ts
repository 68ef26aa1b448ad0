import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createHookWorkflow } from './trigger-helpers';
import { useSwitchyard } from '../support/use-switchyard';

/** A small seeded PRNG (mulberry32), so a failure can be replayed with FUZZ_SEED. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const COUNT = 400;

describe(`fuzzing a trigger URL (FUZZ_SEED=${SEED})`, () => {
  const sy = useSwitchyard({ env: { SWITCHYARD_MAX_BODY_BYTES: String(64 * 1024) } });

  it('never answers 5xx, never crashes, and stores every request it answered', async () => {
    const random = prng(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(random() * 256)));
    const text = (n: number) => Array.from({ length: n }, () => String.fromCharCode(32 + Math.floor(random() * 95))).join('');

    const triggers = [
      {},
      { verify: { scheme: 'stripe', secrets: ['whsec_fuzz'] }, dedupe: {} },
      { verify: { scheme: 'slack', secrets: ['slack-fuzz'] } },
      { verify: { scheme: 'discord', secrets: ['aa'.repeat(32)] } },
      { verify: { scheme: 'twilio', secrets: ['tw'] } },
      { verify: { scheme: 'hmac', secrets: ['h'], header: 'X-Sig', timestampHeader: 'X-Ts', template: '{timestamp}.{body}' } },
      { verify: { scheme: 'basic', secrets: ['pw'], username: 'u' } },
      { condition: 'trigger.body.keep = true', dedupe: { key: 'trigger.body.id' }, rateLimit: { perMinute: 50 }, maxBodyBytes: 2048 },
      { ipAllow: ['10.0.0.0/8'] },
      { methods: ['POST'], dedupe: { key: '$string(trigger.query.id) & trigger.headers."x-k"' } },
    ];
    const workflows: Array<{ id: string; trigger: { token: string } }> = [];
    for (const trigger of triggers) workflows.push(await createHookWorkflow(sy.api, trigger));
    await sy.api.request('PATCH', `/api/workflows/${workflows[0].id}`, { active: random() < 0.5 });

    const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
    const contentTypes = [
      'application/json',
      'application/json; charset=utf-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=xyz',
      'multipart/form-data',
      'text/plain',
      'application/xml',
      'application/octet-stream',
      'application/vnd.api+json',
      'image/png',
      '',
      ';;;',
      'text/html; charset=klingon',
    ];
    const bodies = [
      () => JSON.stringify({ id: Math.floor(random() * 5), keep: random() < 0.5, type: 'event', nested: { a: [1, 2, { b: text(8) }] } }),
      () => '{"broken": ',
      () => text(Math.floor(random() * 300)),
      () => bytes(Math.floor(random() * 3000)),
      () => new URLSearchParams({ a: text(5), ssl_check: random() < 0.3 ? '1' : '0', command: '/x' }).toString(),
      () => '--xyz\r\nContent-Disposition: form-data; name="f"; filename="a.bin"\r\n\r\n' + text(20) + '\r\n--xyz--\r\n',
      () => '--xyz\r\nContent-Disposition: form-data; name="f"\r\n\r\nunterminated',
      () => gzipSync(Buffer.from(JSON.stringify({ id: 1, keep: true }))),
      () => '{"type":1}',
      () => '{"id":"nul\\u0000id","keep":true,"text":"\\u0000"}',
      () => '{"type":"url_verification","challenge":"c"}',
      () => '',
    ];
    const headerPool: Array<() => [string, string]> = [
      () => ['stripe-signature', `t=${Math.floor(Date.now() / 1000)},v1=${bytes(32).toString('hex')}`],
      () => ['stripe-signature', text(40)],
      () => ['x-slack-request-timestamp', String(Math.floor(Date.now() / 1000) - Math.floor(random() * 1000))],
      () => ['x-slack-signature', `v0=${bytes(32).toString('hex')}`],
      () => ['x-signature-ed25519', bytes(64).toString('hex')],
      () => ['x-signature-timestamp', text(10)],
      () => ['x-twilio-signature', bytes(20).toString('base64')],
      () => ['x-sig', bytes(32).toString('hex')],
      () => ['x-ts', pick(['0', '99999999999999', text(5), String(Date.now())])],
      () => [
        'authorization',
        pick(['Basic ' + Buffer.from('u:pw').toString('base64'), 'Basic !!!', 'Bearer x', 'Basic ' + bytes(10).toString('base64')]),
      ],
      () => ['content-encoding', pick(['gzip', 'br', 'deflate', 'zstd', 'identity', 'gzip, gzip'])],
      () => ['x-github-event', 'ping'],
      () => ['x-k', text(6)],
      () => ['x-forwarded-for', '10.1.2.3'],
    ];

    const unknownToken = 'x'.repeat(32);
    const answered: Array<{ id: string; status: number; token: string }> = [];
    const batch = 20;
    for (let start = 0; start < COUNT; start += batch) {
      await Promise.all(
        Array.from({ length: batch }, async (_, j) => {
          const id = `fuzz-${start + j}`;
          const known = random() < 0.95;
          const token = known ? pick(workflows).trigger.token : unknownToken;
          const method = pick(methods);
          const headers: Record<string, string> = { 'x-fuzz-id': id };
          const type = pick(contentTypes);
          if (type) headers['content-type'] = type;
          for (let k = Math.floor(random() * 4); k > 0; k--) {
            const [name, value] = pick(headerPool)();
            headers[name] = value;
          }
          const hasBody = method !== 'GET' && method !== 'HEAD';
          const body = hasBody ? pick(bodies)() : undefined;
          const query =
            random() < 0.3
              ? `?id=${Math.floor(random() * 3)}&hub.challenge=${random() < 0.5 ? 'c' : ''}&q=${encodeURIComponent(text(5))}`
              : '';
          const res = await fetch(`${sy.url}/hooks/${token}${query}`, {
            method,
            headers,
            body: body === undefined ? undefined : typeof body === 'string' ? body : new Uint8Array(body),
          });
          await res.arrayBuffer();
          answered.push({ id, status: res.status, token });
        }),
      );
    }

    const errors = answered.filter((a) => a.status >= 500);
    expect(errors, `5xx answers (FUZZ_SEED=${SEED})`).toEqual([]);
    const health = await sy.api.request('GET', '/api/health/live');
    expect(health.status).toBe(200);

    const stored = await sy.db.query<{ id: string; status_code: number }>(
      `SELECT headers->>'x-fuzz-id' AS id, status_code FROM inbound_requests`,
    );
    const byId = new Map(stored.map((s) => [s.id, s.status_code]));
    const missing = answered.filter((a) => a.token !== unknownToken && byId.get(a.id) !== a.status);
    expect(missing, 'requests to a known trigger that were not stored with the status we answered').toEqual([]);
    expect(answered.filter((a) => a.status >= 200 && a.status < 300).length).toBeGreaterThan(0);
    expect(answered.filter((a) => a.token === unknownToken && byId.has(a.id))).toEqual([]);
  });
});
