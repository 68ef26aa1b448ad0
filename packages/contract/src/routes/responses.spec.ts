import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { errorBodySchema } from '../common/error.schema';
import { type ApiRoute, ROUTES } from './routes';

const ID = '01960000-0000-7000-8000-000000000001';
const ID2 = '01960000-0000-7000-8000-000000000002';
const AT = '2026-11-23T10:00:00.000Z';

function parse(route: ApiRoute, body: unknown) {
  return (ROUTES[route].response as z.ZodType).safeParse(body);
}

// Answers shaped exactly as the api's services build them (the integration suite parses the real ones).
const workflow = {
  id: ID,
  name: 'Orders to the warehouse',
  active: true,
  retentionDays: 30,
  concurrency: null,
  autoReplay: { enabled: false, schedule: ['1m', '10m', '1h', '6h'] },
  alerts: null,
  version: 2,
  versionId: ID2,
  schemaVersion: 1,
  trigger: {
    type: 'webhook',
    verify: { scheme: 'github', secretHints: ['…9z9z'] },
    dedupe: { windowSeconds: 86400 },
    url: 'http://localhost:3000/hooks/tok',
    token: 'tok',
  },
  steps: [
    { id: 'shape', type: 'map', expression: '{ "order": trigger.body.id }' },
    { id: 'big', type: 'filter', condition: 'steps.shape.total > 10' },
  ],
  createdAt: AT,
  updatedAt: AT,
};

const runSummary = {
  id: ID,
  workflowId: ID2,
  status: 'failed',
  replayOf: null,
  createdAt: AT,
  startedAt: AT,
  finishedAt: AT,
  durationMs: 12,
  resumeAt: null,
  error: { code: 'HTTP_ERROR', message: 'send: 500 Internal Server Error', kind: 'user', retryable: true, stepId: 'send' },
  deadLetter: false,
  deadLetteredAt: null,
  autoReplayAt: null,
  autoReplayAttempt: 0,
  resolvedBy: ID2,
};

const run = {
  ...runSummary,
  versionId: ID2,
  version: 1,
  alert: null,
  replays: [{ id: ID2, status: 'succeeded', createdAt: AT }],
  idempotencyRoot: ID,
  trigger: {
    requestId: ID,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    query: {},
    contentType: 'application/json',
    body: { id: 7 },
    bodyUrl: `/api/requests/${ID}/body`,
    receivedAt: AT,
    size: 8,
  },
  steps: [
    {
      id: 'each',
      key: 'each',
      type: 'loop',
      name: undefined,
      status: 'failed',
      input: null,
      output: { results: [] },
      outputTruncated: undefined,
      error: { code: 'HTTP_ERROR', message: 'boom', kind: 'user', retryable: false },
      attempts: 1,
      startedAt: AT,
      finishedAt: AT,
      durationMs: 3,
      items: [{ index: 0, status: 'failed', steps: [{ id: 'post', key: 'each[0].post', type: 'http', status: 'pending', attempts: 0 }] }],
      itemCount: 1,
    },
    {
      id: 'route',
      key: 'route',
      type: 'branch',
      status: 'skipped',
      attempts: 0,
      paths: [{ index: 'otherwise', name: 'Otherwise', taken: false, steps: [] }],
    },
  ],
};

describe('response schemas', () => {
  it('accept the answers the api builds', () => {
    const accepted: Array<[ApiRoute, unknown]> = [
      ['GET /api/workflows/:id', workflow],
      ['GET /api/workflows', { items: [{ ...workflow, lastRun: { id: ID, status: 'succeeded', createdAt: AT }, runs24h: 3 }] }],
      [
        'GET /api/runs',
        { items: [{ ...runSummary, triggerSummary: { method: 'POST', contentType: null, size: 0, preview: null } }], nextCursor: ID },
      ],
      ['GET /api/runs/:id', run],
      [
        'GET /api/workflows/:id/health',
        {
          from: AT,
          to: AT,
          hours: [{ hour: AT, accepted: 3, refused: 1, other: 0 }],
          verdicts: { accepted: 3, bad_signature: 1 },
          runs: { succeeded: 2, failed: 1 },
          lastAcceptedAt: AT,
          lastSuccessAt: null,
          alerts: [{ kind: 'quiet', activeSince: null, lastSentAt: AT }],
        },
      ],
      ['POST /api/runs/replay', { count: 1, runIds: [ID] }],
      [
        'GET /api/workflows/:id/requests',
        {
          items: [
            {
              id: ID,
              method: 'POST',
              contentType: 'application/octet-stream',
              size: 3,
              receivedAt: AT,
              verdict: 'ip_denied',
              reason: 'address 192.0.2.1 is not allowed',
              statusCode: 403,
              runId: null,
              bodyEncoding: 'base64',
              trigger: { body: 'AAEC', headers: { 'x-a': ['1', '2'] }, query: {}, method: 'POST', receivedAt: AT },
            },
          ],
          nextCursor: null,
        },
      ],
      ['GET /api/auth/state', { setupRequired: false, user: null, workspaces: [] }],
      [
        'GET /api/auth/state',
        {
          setupRequired: false,
          user: null,
          workspaces: [{ id: ID, name: null, role: 'editor' }],
          apiKey: { id: ID2, name: 'ci' },
          features: { email: false },
        },
      ],
      [
        'POST /api/auth/login',
        { user: { id: ID, email: 'a@b.test', name: 'a' }, workspaces: [{ id: ID2, name: 'Default', role: 'owner' }], csrfToken: 'c' },
      ],
      [
        'POST /api/test/step',
        { status: 'filtered', halt: { reason: 'filtered' }, output: true, input: {}, error: undefined, durationMs: 0 },
      ],
      ['GET /api/health/ready', { status: 'ok', database: 'up', queue: { kind: 'in-process', status: 'up' } }],
      ['POST /api/invites/:token/accept', { workspaceId: ID, role: 'viewer', csrfToken: undefined }],
      [
        'GET /api/credentials',
        {
          items: [
            {
              id: ID,
              name: 'Login',
              type: 'basic',
              public: {},
              hints: {},
              usedBy: [{ id: ID2, name: 'Orders' }],
              createdAt: AT,
              updatedAt: AT,
            },
          ],
        },
      ],
    ];
    for (const [route, body] of accepted) expect(parse(route, body).error, route).toBeUndefined();
  });

  it('reject drift: a field renamed, added or of another type, an unknown status, a secret in an answer', () => {
    const { versionId: _gone, ...withoutVersionId } = workflow;
    const drifted: Array<[ApiRoute, unknown, string]> = [
      ['GET /api/workflows/:id', withoutVersionId, 'versionId'],
      ['GET /api/workflows/:id', { ...workflow, version_id: ID2 }, ''],
      ['GET /api/workflows/:id', { ...workflow, active: 'yes' }, 'active'],
      [
        'GET /api/workflows/:id',
        { ...workflow, trigger: { ...workflow.trigger, verify: { scheme: 'github', secrets: ['s3cret'] } } },
        'trigger.verify.secrets',
      ],
      ['GET /api/runs/:id', { ...run, status: 'done' }, 'status'],
      ['GET /api/runs/:id', { ...run, createdAt: new Date(AT) }, 'createdAt'],
      [
        'GET /api/runs/:id',
        { ...run, steps: [{ ...run.steps[1], paths: [{ index: 0, name: 'A', taken: 'no', steps: [] }] }] },
        'steps.0.paths.0.taken',
      ],
      ['GET /api/workflows/:id/requests', { items: [], nextCursor: undefined }, 'nextCursor'],
    ];
    for (const [route, body, path] of drifted) {
      const result = parse(route, body);
      expect(result.success, `${route} should refuse drift at ${path}`).toBe(false);
      if (path) expect(result.error?.issues.map((i) => i.path.join('.')).join(' '), route).toContain(path);
    }
  });

  it('describe the error answer', () => {
    expect(errorBodySchema.safeParse({ error: { code: 'not_found', message: 'Workflow x does not exist', details: [] } }).success).toBe(
      true,
    );
    expect(
      errorBodySchema.safeParse({
        error: {
          code: 'credential_in_use',
          message: 'used',
          details: [{ path: 'workflows', message: 'used' }],
          workflows: [{ id: ID, name: 'A' }],
        },
      }).success,
    ).toBe(true);
    expect(errorBodySchema.safeParse({ error: { code: 'x', message: 'no details' } }).success).toBe(false);
    expect(errorBodySchema.safeParse({ message: 'Not Found', statusCode: 404 }).success).toBe(false);
  });
});
