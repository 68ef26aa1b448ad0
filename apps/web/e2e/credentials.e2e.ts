// Browser test of stored credentials (issue 6): a user adds a bearer token, sees only its hint,
// picks it as the Authentication of an http step, and cannot delete it while the workflow uses it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Credential, ListResponse, StepDefinition, Workflow } from './support/contract.ts';
import { browserSkipReason, type Environment, OUTPUT, startEnvironment, failureShots } from './support/environment.ts';

const TOKEN = 'shop_live_9f8e7d6c5b4a39281706f5e4';
let env: Environment;
/** Filled by the earlier tests, read by the later ones (they run in order). */
const state = {} as { workflowId: string; token: string };

const withFailureShot = failureShots(() => env, 'credentials-');

describe('stored credentials in Chromium', { skip: browserSkipReason() }, () => {
  before(async () => {
    env = await startEnvironment({ name: 'credentials_e2e' });
  });

  after(async () => {
    await env?.stop();
  });

  test(
    'a user adds a bearer token and sees only its hint',
    withFailureShot('create', async () => {
      const { page } = env;
      await page.goto(`${env.base}/`);
      await page.getByRole('link', { name: 'Credentials' }).click();
      await page.getByRole('heading', { name: 'No credentials yet' }).waitFor();
      await page.getByRole('button', { name: 'Add credential' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Add a credential' });
      await dialog.waitFor();
      await dialog.getByLabel('Type').selectOption({ label: 'Bearer token' });
      await dialog.getByLabel('Name', { exact: true }).fill('Shop API');
      const secret = dialog.getByLabel('Token', { exact: true });
      assert.equal(await secret.getAttribute('type'), 'password', 'a secret field is a password input');
      await dialog.getByRole('button', { name: 'Add credential' }).click();
      await dialog.getByText('Token is required').waitFor();
      await dialog.getByLabel('Type').selectOption({ label: 'OAuth2 client credentials' });
      await dialog.getByLabel('Token URL').waitFor();
      assert.equal(await dialog.getByLabel('Client secret').getAttribute('type'), 'password');
      await env.screenshot('credentials-create-dialog.png', { dir: OUTPUT, locator: page.locator('.sy-dialog__panel') });
      await dialog.getByLabel('Type').selectOption({ label: 'Bearer token' });

      await secret.fill(TOKEN);
      await dialog.getByRole('button', { name: 'Add credential' }).click();
      await dialog.waitFor({ state: 'detached' });
      const row = page.getByRole('row', { name: /Shop API/ });
      await row.getByText('Token shop_…f5e4').waitFor();
      assert.equal((await page.content()).includes(TOKEN), false, 'the page never shows the token');
      const { body } = await env.request<ListResponse<Credential>>('GET', '/api/credentials');
      assert.equal(JSON.stringify(body).includes(TOKEN), false, 'the API never returns the token');
      assert.deepEqual(
        body.items.map((c) => [c.name, c.type, c.hints]),
        [['Shop API', 'bearer', { token: 'shop_…f5e4' }]],
      );
    }),
  );

  test(
    'the http step authenticates with it; the sink receives the token',
    withFailureShot('use', async () => {
      const { page } = env;
      const created = await env.request<Workflow>('POST', '/api/workflows', {
        name: 'Orders to the shop',
        trigger: { type: 'webhook' },
        steps: [{ id: 'send', type: 'http', method: 'POST', url: `${env.sinkBase}/orders`, body: 'trigger.body' }],
      });
      assert.equal(created.status, 201);
      state.workflowId = created.body.id;
      state.token = created.body.trigger.token;

      await page.goto(`${env.base}/workflows/${state.workflowId}/edit`);
      const auth = page.getByLabel('Authentication');
      await auth.waitFor();
      // "Add a new credential…" opens the form inline, offering only what an http step can use.
      await auth.selectOption({ label: 'Add a new credential…' });
      const inline = page.getByRole('dialog', { name: 'Add a credential' });
      const offered = await inline.getByLabel('Type').locator('option').allInnerTexts();
      assert.deepEqual(offered, ['Bearer token', 'Username and password', 'API key in a header', 'OAuth2 client credentials']);
      await inline.getByLabel('Type').selectOption({ label: 'API key in a header' });
      await inline.getByLabel('Name', { exact: true }).fill('Shop key');
      await inline.getByLabel('Header name').fill('X-Shop-Key');
      await inline.getByLabel('API key', { exact: true }).fill('shop-key-value-0001');
      await inline.getByRole('button', { name: 'Add credential' }).click();
      await inline.waitFor({ state: 'detached' });
      await page.waitForFunction(
        () =>
          document.querySelector<HTMLSelectElement>('select[id$="-credential"]')?.selectedOptions[0]?.textContent ===
          'Shop key (API key in a header)',
      );

      await auth.selectOption({ label: 'Shop API (Bearer token)' });
      await env.screenshot('credentials-http-step.png', { dir: OUTPUT, locator: page.locator('li.sy-step-card').first() });
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('All changes saved').waitFor();
      // The workflow is live: the save went to its draft; publishing makes it the running version.
      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      await page
        .getByRole('dialog', { name: /^Publish version/ })
        .getByRole('button', { name: 'Publish', exact: true })
        .click();
      await page.getByText('Draft: unpublished changes.').waitFor({ state: 'detached' });
      const { body: saved } = await env.request<Workflow>('GET', `/api/workflows/${state.workflowId}`);
      const { body: credentials } = await env.request<ListResponse<Credential>>('GET', '/api/credentials');
      assert.equal((saved.steps[0] as StepDefinition).credentialId, credentials.items[0].id);

      const hook = await fetch(`${env.base}/hooks/${state.token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"order":"A-1"}',
      });
      assert.equal(hook.status, 202);
      const run = await env.waitForRun((await hook.json()).runId);
      assert.equal(run.status, 'succeeded', JSON.stringify(run.error));
      const received = env.received.filter((r) => r.url === '/orders');
      assert.equal(received.length, 1);
      assert.equal(received[0].headers.authorization, `Bearer ${TOKEN}`);
      assert.equal(
        (run.steps[0].input as { headers: Record<string, string> }).headers.authorization,
        'Bearer sho…f5e4',
        'the run history masks the header, showing its shape',
      );
    }),
  );

  test(
    'the list shows who uses it, and deleting it is refused with the workflows',
    withFailureShot('delete', async () => {
      const { page } = env;
      const other = await env.request('POST', '/api/credentials', {
        name: 'CRM login',
        type: 'basic',
        data: { username: 'sync-bot', password: 'crm-password-0001' },
      });
      assert.equal(other.status, 201);
      await page.goto(`${env.base}/credentials`);
      const row = page.getByRole('row', { name: /Shop API/ });
      await row.getByRole('link', { name: 'Orders to the shop' }).waitFor();
      await env.screenshot('credentials.png');

      await row.getByRole('button', { name: 'Delete Shop API' }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete “Shop API”?' });
      await dialog.getByRole('button', { name: 'Delete credential' }).click();
      await dialog.getByText('It cannot be deleted: this workflow uses it').waitFor();
      const link = dialog.getByRole('link', { name: 'Orders to the shop' });
      assert.equal(await link.getAttribute('href'), `/workflows/${state.workflowId}/edit`);
      await env.screenshot('credentials-delete-refused.png', { dir: OUTPUT });
      await dialog.getByRole('button', { name: 'Close' }).click();

      // Replacing the secret: the old one is gone, the next run sends the new one.
      await row.getByRole('button', { name: 'Edit Shop API' }).click();
      const edit = page.getByRole('dialog', { name: 'Edit “Shop API”' });
      await edit.getByText('shop_…f5e4').waitFor();
      await edit.getByLabel('Token', { exact: true }).fill('shop_live_replaced_token_00007777');
      await edit.getByRole('button', { name: 'Save' }).click();
      await edit.waitFor({ state: 'detached' });
      await row.getByText('Token shop_…7777').waitFor();
      const hook = await fetch(`${env.base}/hooks/${state.token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"order":"A-2"}',
      });
      assert.equal((await env.waitForRun((await hook.json()).runId)).status, 'succeeded');
      assert.equal(
        env.received.filter((r) => r.url === '/orders').at(-1)!.headers.authorization,
        'Bearer shop_live_replaced_token_00007777',
      );
      const { body } = await env.request<ListResponse<Credential>>('GET', '/api/credentials');
      assert.ok(
        body.items.some((c) => c.name === 'Shop API'),
        'the credential is still there',
      );
      assert.deepEqual(env.pageErrors, []);
    }),
  );
});
