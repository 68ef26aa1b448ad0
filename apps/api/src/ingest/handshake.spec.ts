import { describe, expect, it } from 'vitest';
import { answerGetChallenge, answerSignedHandshake, answerUnsignedHandshake } from './handshake';

describe('handshakes', () => {
  it('echoes GET challenges, checking hub.verify_token when the trigger verifies', () => {
    expect(
      answerGetChallenge({
        method: 'GET',
        query: { 'hub.mode': 'subscribe', 'hub.challenge': '1158201444' },
        verify: undefined,
        secrets: [],
      })?.body,
    ).toBe('1158201444');
    expect(answerGetChallenge({ method: 'POST', query: { challenge: 'x' }, verify: undefined, secrets: [] })).toBeNull();
    const verify = { scheme: 'header-token' as const };
    expect(
      answerGetChallenge({ method: 'GET', query: { 'hub.challenge': 'c', 'hub.verify_token': 'nope' }, verify, secrets: ['tok'] }),
    ).toBeNull();
    expect(
      answerGetChallenge({ method: 'GET', query: { 'hub.challenge': 'c', 'hub.verify_token': 'tok' }, verify, secrets: ['tok'] })?.body,
    ).toBe('c');
  });
  it('answers Slack url_verification and ssl_check', () => {
    expect(
      answerSignedHandshake({ scheme: 'slack', headers: {}, body: { type: 'url_verification', challenge: 'abc' }, secrets: ['s'] })?.body,
    ).toEqual({ challenge: 'abc' });
    expect(answerUnsignedHandshake({ scheme: 'slack', body: { ssl_check: '1', token: 't' } })?.status).toBe(200);
    expect(answerUnsignedHandshake({ scheme: 'github', body: { ssl_check: '1' } })).toBeNull();
  });
  it('answers Zoom, Discord and GitHub', () => {
    expect(
      answerSignedHandshake({
        scheme: 'zoom',
        headers: {},
        body: { event: 'endpoint.url_validation', payload: { plainToken: 'p' } },
        secrets: ['s'],
      })?.body,
    ).toMatchObject({ plainToken: 'p' });
    expect(answerSignedHandshake({ scheme: 'discord', headers: {}, body: { type: 1 }, secrets: [] })?.body).toEqual({ type: 1 });
    expect(answerSignedHandshake({ scheme: 'discord', headers: {}, body: { type: 2 }, secrets: [] })).toBeNull();
    expect(
      answerSignedHandshake({ scheme: 'github', headers: { 'x-github-event': 'ping' }, body: { hook_id: 1 }, secrets: [] })?.status,
    ).toBe(200);
    expect(answerSignedHandshake({ scheme: 'github', headers: { 'x-github-event': 'push' }, body: {}, secrets: [] })).toBeNull();
  });
});
