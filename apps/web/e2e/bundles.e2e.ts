// Browser test of export and import (issue 16): a workspace exported from one server is imported
// into a second, fresh server (two processes): the preview lists what will be created and the
// credentials to connect, nothing is written until the user confirms.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Credential, ListResponse, StepDefinition, Workflow } from './support/contract.ts';
import { browserSkipReason, type Environment, OUTPUT, failureShots, startEnvironment } from './support/environment.ts';

const TOKEN = 'orders_live_token_5b4a39281706';
const TRIGGER_SECRET = 'whsec_export_e2e_7788';
let source: Environment;
let target: Environment;
const state = {} as { bundleFile: string; credentialRef: string };

const withFailureShot = failureShots(() => target ?? source, 'bundles-');

describe('export a workspace and import it into another server, in Chromium', { skip: browserSkipReason() }, () => {
  before(async () => {
    source = await startEnvironment({ name: 'bundles_source' });
    target = await startEnvironment({ name: 'bundles_target' });
  });

  after(async () => {
    await target?.stop();
    await source?.stop();
  });

  test(
    'Export all downloads a bundle of every workflow, without secrets or trigger tokens',
    withFailureShot('export', async () => {
      const credential = await source.request<Credential>('POST', '/api/credentials', {
        name: 'Orders API',
        type: 'bearer',
        data: { token: TOKEN },
      });
      state.credentialRef = credential.body.id;
      const signed = await source.request<Workflow>('POST', '/api/workflows', {
        name: 'Signed orders',
        trigger: { type: 'webhook', verify: { scheme: 'github', secrets: [TRIGGER_SECRET] } },
        steps: [{ id: 'send', type: 'http', method: 'POST', url: `${source.sinkBase}/orders`, credentialId: credential.body.id }],
      });
      assert.equal(signed.status, 201);
      const plain = await source.request<Workflow>('POST', '/api/workflows', {
        name: 'Shape order',
        trigger: { type: 'webhook' },
        steps: [{ id: 'shape', type: 'map', expression: '{ "order": trigger.body.id }' }],
      });

      const { page } = source;
      await page.goto(`${source.base}/`);
      await page.getByRole('heading', { name: 'Workflows', exact: true }).waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all' }).click()]);
      assert.match(download.suggestedFilename(), /^switchyard-workspace-\d{4}-\d{2}-\d{2}\.json$/);
      state.bundleFile = path.join(OUTPUT, 'bundles-workspace.json');
      await download.saveAs(state.bundleFile);
      const text = await readFile(state.bundleFile, 'utf8');
      const bundle = JSON.parse(text) as { kind: string; workflows: Array<{ name: string }>; credentials: unknown[] };
      assert.equal(bundle.kind, 'switchyard.bundle');
      assert.deepEqual(bundle.workflows.map((w) => w.name).sort(), ['Shape order', 'Signed orders']);
      assert.deepEqual(bundle.credentials, [{ ref: credential.body.id, name: 'Orders API', type: 'bearer' }]);
      for (const secret of [TOKEN, TRIGGER_SECRET, signed.body.trigger.token, plain.body.trigger.token])
        assert.equal(text.includes(secret), false, `the bundle does not hold ${secret.slice(0, 12)}…`);

      // One workflow from its page.
      await page.goto(`${source.base}/workflows/${plain.body.id}`);
      const [one] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export', exact: true }).click()]);
      assert.equal(one.suggestedFilename().startsWith('switchyard-shape-order-'), true);
      const onePath = path.join(OUTPUT, 'bundles-one.json');
      await one.saveAs(onePath);
      const single = JSON.parse(await readFile(onePath, 'utf8')) as { workflows: Array<{ name: string }> };
      assert.deepEqual(
        single.workflows.map((w) => w.name),
        ['Shape order'],
      );
    }),
  );

  test(
    'the import preview on a fresh server lists the workflows to create and the credential to connect, and writes nothing',
    withFailureShot('preview', async () => {
      const { page } = target;
      await page.goto(`${target.base}/`);
      await page.getByRole('link', { name: 'Import' }).click();
      await page.getByRole('heading', { name: 'Import workflows' }).waitFor();
      await page.locator('input[type=file]').setInputFiles(state.bundleFile);
      await page.getByTestId('import-summary').getByText('2 to create, 0 to update, 0 unchanged').waitFor();
      const credentials = page.getByRole('list', { name: 'Credentials of the bundle' });
      await credentials.getByText('To connect').waitFor();
      await credentials.getByText('Orders API').waitFor();
      await page.getByText('set its signing secrets after the import').waitFor();
      assert.equal(
        await page.getByRole('button', { name: 'Confirm import' }).isDisabled(),
        true,
        'no import while a credential is missing',
      );
      await target.screenshot('import-preview.png');

      const { body } = await target.request<ListResponse<Workflow>>('GET', '/api/workflows');
      assert.deepEqual(body.items, [], 'the preview wrote nothing');
    }),
  );

  test(
    'once the credential is connected, Confirm imports the workflows pointing at it',
    withFailureShot('confirm', async () => {
      const { page } = target;
      const connected = await target.request<Credential>('POST', '/api/credentials', {
        name: 'Orders API',
        type: 'bearer',
        data: { token: 'target_token_000011112222' },
      });
      await page.getByRole('button', { name: 'Check again' }).click();
      await page.getByRole('list', { name: 'Credentials of the bundle' }).getByText('Connected').waitFor();
      await page.getByRole('button', { name: 'Confirm import' }).click();
      await page.getByRole('status').getByText('Imported: 2 created, 0 updated, 0 unchanged.').waitFor();

      const { body } = await target.request<ListResponse<Workflow>>('GET', '/api/workflows');
      assert.deepEqual(body.items.map((w) => w.name).sort(), ['Shape order', 'Signed orders']);
      const signed = body.items.find((w) => w.name === 'Signed orders') as Workflow;
      assert.equal((signed.steps[0] as StepDefinition).credentialId, connected.body.id);
      assert.notEqual(connected.body.id, state.credentialRef);

      await page.getByRole('link', { name: 'See all workflows' }).click();
      await page.getByRole('link', { name: 'Signed orders', exact: true }).waitFor();
      await page.getByRole('link', { name: 'Shape order', exact: true }).waitFor();

      // The same file again: nothing to change.
      await page.goto(`${target.base}/workflows/import`);
      await page.locator('input[type=file]').setInputFiles(state.bundleFile);
      await page.getByTestId('import-summary').getByText('0 to create, 0 to update, 2 unchanged').waitFor();
      assert.deepEqual(target.pageErrors, []);
    }),
  );
});
