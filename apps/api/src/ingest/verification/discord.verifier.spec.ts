import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, it } from 'vitest';
import { verifyDiscord } from './discord.verifier';
import { expectFail, expectOk, input, NOW_S } from './verification.test-helpers';

function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
  return { hex: raw.toString('hex'), privateKey };
}
const app = keyPair();
const other = keyPair();
const body = JSON.stringify({ id: '1234567890', type: 2, data: { name: 'ping' } });
// Discord's documented scheme: Ed25519 over timestamp + body, signature and public key in hex.
const h = (ts = NOW_S, key = app.privateKey, payload = body) => ({
  'x-signature-timestamp': String(ts),
  'x-signature-ed25519': sign(null, Buffer.from(String(ts) + payload), key).toString('hex'),
});
const run = (headers: Record<string, string>, secrets = [app.hex], rawBody = Buffer.from(body)) =>
  verifyDiscord(input({ headers, rawBody, secrets, settings: { scheme: 'discord' as const } }));

describe('discord verifier (Ed25519)', () => {
  it('accepts a genuine interaction with its id as the delivery id', () => expectOk(run(h()), '1234567890'));
  it('rejects a tampered body', () => expectFail(run(h(), [app.hex], Buffer.from(body.replace('ping', 'pong'))), /does not verify/));
  it('rejects another key', () => expectFail(run(h(NOW_S, other.privateKey)), /does not verify/));
  it('accepts the second public key', () => expectOk(run(h(NOW_S, other.privateKey), [app.hex, other.hex])));
  it('rejects stale and future timestamps', () => {
    expectFail(run(h(NOW_S - 301)), /301 s old/);
    expectFail(run(h(NOW_S + 301)), /301 s in the future/);
  });
  it('names missing headers and a bad key', () => {
    expectFail(run({ 'x-signature-timestamp': String(NOW_S) }), /missing header X-Signature-Ed25519/);
    expectFail(run({ 'x-signature-ed25519': h()['x-signature-ed25519'] }), /missing header X-Signature-Timestamp/);
    expectFail(run(h(), ['abcd']), /not 32 bytes/);
  });
});
