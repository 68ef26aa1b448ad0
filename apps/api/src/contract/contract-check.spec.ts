import { ROUTES } from '@switchyard/contract';
import Fastify from 'fastify';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { checkAnswer, registerContractCheck } from './contract-check';

const ID = '01960000-0000-7000-8000-000000000001';
const created = { runId: ID };

describe('checkAnswer', () => {
  const replay = { ...ROUTES['POST /api/runs/:id/replay'], key: 'POST /api/runs/:id/replay' };

  it('accepts an answer of the route’s schema, and errors of the error shape', () => {
    expect(checkAnswer({ route: replay, status: 201, body: created })).toEqual([]);
    expect(
      checkAnswer({ route: replay, status: 404, body: { error: { code: 'not_found', message: 'Run x does not exist', details: [] } } }),
    ).toEqual([]);
  });

  it('names each problem with its path', () => {
    expect(checkAnswer({ route: replay, status: 201, body: { runId: 7, extra: true } })).toEqual([
      { path: 'runId', message: expect.any(String) },
      { path: '', message: expect.stringContaining('extra') },
    ]);
    expect(checkAnswer({ route: replay, status: 500, body: { message: 'boom' } })[0].path).toBe('error');
  });

  it('refuses a JSON body where the contract has none, and a route it does not list', () => {
    const remove = { ...ROUTES['DELETE /api/workflows/:id'], key: 'DELETE /api/workflows/:id' };
    expect(checkAnswer({ route: remove, status: 204, body: { ok: true } })).toHaveLength(1);
    expect(checkAnswer({ route: undefined, status: 200, body: {} })[0].message).toMatch(/not in the contract/);
  });

  it('uses the schema of a documented non-success answer (readiness 503)', () => {
    const ready = { ...ROUTES['GET /api/health/ready'], key: 'GET /api/health/ready' };
    const down = { status: 'unavailable', database: 'down', queue: { kind: 'bullmq', status: 'up' } };
    expect(checkAnswer({ route: ready, status: 503, body: down })).toEqual([]);
  });
});

describe('registerContractCheck', () => {
  async function serve(mode: 'log' | 'strict', answer: unknown) {
    const lines: string[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => lines.push(line) });
    const app = Fastify();
    registerContractCheck(app, { mode, logger });
    app.post('/api/runs/:id/replay', async (_request, reply) => reply.code(201).send(answer));
    app.get('/hooks/:token', async () => ({ anything: true }));
    const res = await app.inject({ method: 'POST', url: `/api/runs/${ID}/replay` });
    const hook = await app.inject({ method: 'GET', url: '/hooks/t' });
    await app.close();
    return { status: res.statusCode, body: res.json(), lines, hook: hook.statusCode };
  }

  it('sends matching answers untouched, and leaves routes outside /api alone', async () => {
    expect(await serve('strict', created)).toMatchObject({ status: 201, body: created, lines: [], hook: 200 });
  });

  it('answers 500 contract_violation on drift in strict mode', async () => {
    const res = await serve('strict', { runID: ID });
    expect(res.status).toBe(500);
    expect(res.body.error).toMatchObject({ code: 'contract_violation', message: expect.stringContaining('POST /api/runs/:id/replay') });
    expect(res.lines.join('')).toContain('does not match the HTTP contract');
  });

  it('logs drift and sends the answer as it is in log mode', async () => {
    const res = await serve('log', { runID: ID });
    expect(res).toMatchObject({ status: 201, body: { runID: ID } });
    expect(res.lines).toHaveLength(1);
  });
});
