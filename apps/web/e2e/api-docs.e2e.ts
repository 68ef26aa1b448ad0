// Browser test of the API reference (issue 16): /api/docs renders the generated OpenAPI document in
// Chromium under the server's Content-Security-Policy, from local files only.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { browserSkipReason, type Environment, failureShots, OUTPUT, startEnvironment } from './support/environment.ts';

let env: Environment;
const withFailureShot = failureShots(() => env, 'api-docs-');

describe('the API reference in Chromium', { skip: browserSkipReason() }, () => {
  before(async () => {
    env = await startEnvironment({ name: 'api_docs', signIn: false });
  });

  after(async () => {
    await env?.stop();
  });

  test(
    'renders every group of routes of /api/openapi.json, loading nothing from elsewhere',
    withFailureShot('render', async () => {
      const { page } = env;
      const origins = new Set<string>();
      const refused: string[] = [];
      page.on('request', (request) => origins.add(new URL(request.url()).origin));
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) refused.push(message.text());
      });
      await page.goto(`${env.base}/api/docs`);
      // Swagger UI parses the whole document (~400 kB) before it draws: slow on a loaded machine.
      await page.getByRole('heading', { name: /Switchyard API/ }).waitFor({ timeout: 90_000 });
      await page.getByText('/api/bundles/export').first().waitFor();
      await page.getByText('/api/workflows/{id}').first().waitFor();
      await env.screenshot('api-docs.png', { dir: OUTPUT, fullPage: false });
      assert.deepEqual(
        [...origins].filter((o) => o !== env.base && o !== 'null' && !o.startsWith('data:')),
        [],
      );
      assert.deepEqual(refused, []);
      assert.deepEqual(env.pageErrors, []);
    }),
  );
});
