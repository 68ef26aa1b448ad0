// Browser test of dynamic fields (issue 13): in "Notion: Create a database item", choosing the
// database shows its properties as typed fields (text, number, date, yes/no, choice, several
// choices, url, e-mail, phone). Notion's API is on a fixed public host the server may not reach
// here, so the browser's two app-data answers are given by the test: the database list, and the
// fields the engine's own Notion mapping (`loadDynamicFields`) makes of Notion's documented
// `GET /v1/databases/{id}` answer (the fixture). The connection list gets one Notion connection.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type * as EngineModule from '@switchyard/engine';
import type { Locator } from 'playwright-core';
import { browserSkipReason, type Environment, startEnvironment, failureShots } from './support/environment.ts';

type Engine = typeof EngineModule;
const engine = createRequire(import.meta.url)('@switchyard/engine') as Engine;

const ROOT = path.resolve(import.meta.dirname, '../../../../..');
const fixture = JSON.parse(
  readFileSync(path.join(ROOT, 'packages/engine/src/apps/notion/fixtures/create-database-item-typed.json'), 'utf8'),
) as { exchanges: Array<{ response: { body: { id: string; properties: object } } }> };
const database = fixture.exchanges[0].response.body;

let env: Environment;

function editor(scope: Locator, name: string) {
  return scope.getByRole('textbox', { name, exact: true });
}

const withFailureShot = failureShots(() => env);

describe('dynamic fields in the app step form (Chromium)', { skip: browserSkipReason() }, () => {
  before(async () => {
    env = await startEnvironment({ name: 'app_dynamic_fields_e2e' });
  });

  after(async () => {
    await env?.stop();
  });

  test(
    'choosing a Notion database shows its properties as typed fields, and the step keeps their templates',
    withFailureShot('app-dynamic-fields', async () => {
      const { page } = env;
      const fieldRequests: unknown[] = [];
      const now = new Date().toISOString();
      await page.route('**/api/connections', async (route) => {
        if (route.request().method() !== 'GET') return route.fallback();
        const answer = await route.fetch();
        const list = (await answer.json()) as { items: unknown[] };
        list.items.push({
          id: 'conn_notion_e2e',
          name: 'Notion account',
          app: 'notion',
          authKind: 'oauth2',
          status: 'active',
          error: null,
          account: 'Acme workspace',
          scopes: [],
          public: {},
          hints: {},
          expiresAt: null,
          lastUsedAt: null,
          usedBy: [],
          createdAt: now,
          updatedAt: now,
        });
        await route.fulfill({ response: answer, json: list });
      });
      await page.route('**/api/apps/options', (route) =>
        route.fulfill({ json: { items: [{ label: 'Grocery List', value: database.id }], truncated: false } }),
      );
      await page.route('**/api/apps/fields', async (route) => {
        const body = route.request().postDataJSON() as { field: string; input: Record<string, string> };
        fieldRequests.push(body);
        const app = engine.findApp('notion')!;
        const field = engine.findAppField(engine.findAppAction(app, 'create-database-item')!, body.field)!;
        const answer = await engine.loadDynamicFields({
          app,
          field,
          input: body.input,
          connection: { app: 'notion', values: { access_token: 'secret_e2e' }, secrets: [] },
          ports: {
            http: {
              send: async () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(database) }),
            },
          },
          evaluate: {},
        });
        await route.fulfill({ json: answer });
      });

      await page.goto(`${env.base}/workflows/new`);
      await page.getByLabel('Name').fill('Groceries to Notion');
      await page.getByRole('button', { name: 'Start blank' }).click();
      await page.waitForURL(/\/workflows\/[0-9a-f-]+\/edit$/);
      await page.getByRole('button', { name: 'Add the first step' }).click();
      await page
        .getByRole('group', { name: 'Apps' })
        .getByRole('menuitem', { name: /^App action/ })
        .click();
      const card = page.locator('li.sy-step-card').first();
      await card.getByLabel('Search apps').fill('notion');
      await card.getByRole('button', { name: /Create database items and pages/ }).click();
      await card.getByLabel('Action', { exact: true }).selectOption('create-database-item');
      await card.getByLabel('Notion connection', { exact: true }).selectOption('conn_notion_e2e');
      const properties = card.getByRole('group', { name: /^Properties/ });
      await properties.getByText('Choose databaseId first.').waitFor();

      await card.getByLabel('Database', { exact: true }).selectOption({ label: 'Grocery List' });
      await editor(properties, 'Name').waitFor();
      assert.deepEqual(fieldRequests, [
        {
          app: 'notion',
          action: 'create-database-item',
          field: 'properties',
          connectionId: 'conn_notion_e2e',
          input: { databaseId: database.id },
        },
      ]);
      for (const name of ['Name', 'Description', 'Price', 'Last ordered', 'Photo', 'Supplier e-mail', 'Supplier phone'])
        await editor(properties, name).waitFor();
      assert.deepEqual(await properties.getByLabel('Food group', { exact: true }).locator('option').allInnerTexts(), [
        'None',
        '🥬 Vegetable',
        '🍎 Fruit',
      ]);
      assert.deepEqual(await properties.getByLabel('Stage', { exact: true }).locator('option').allInnerTexts(), [
        'None',
        'Not started',
        'Done',
      ]);
      assert.deepEqual(await properties.getByLabel('In stock', { exact: true }).locator('option').allInnerTexts(), ['None', 'Yes', 'No']);
      const stores = properties.getByRole('group', { name: /^Store availability/ });
      await stores.getByRole('checkbox', { name: "Gus's Community Market" }).waitFor();
      // A people property has no field of its own.
      assert.equal(await properties.getByText('+1', { exact: true }).count(), 0);

      await editor(properties, 'Name').click();
      await page.keyboard.insertText('{{ trigger.body.title }}');
      await editor(properties, 'Price').click();
      await page.keyboard.insertText('2.5');
      await properties.getByLabel('Food group', { exact: true }).selectOption('🥬 Vegetable');
      await properties.getByLabel('In stock', { exact: true }).selectOption('true');
      await stores.getByRole('checkbox', { name: "Gus's Community Market" }).check();
      await stores.getByRole('checkbox', { name: 'Rainbow Grocery' }).check();

      // What the step keeps: the templates by property name, which the run types by the database's schema.
      await card.getByRole('button', { name: 'Enter an expression' }).click();
      const source = await editor(card, 'Properties').innerText();
      assert.deepEqual(JSON.parse(source), {
        Name: '{{ trigger.body.title }}',
        Price: '2.5',
        'Food group': '🥬 Vegetable',
        'In stock': 'true',
        'Store availability': "Gus's Community Market, Rainbow Grocery",
      });
      await card.getByRole('button', { name: 'Fill in the fields' }).click();
      await editor(properties, 'Name').waitFor();
      assert.deepEqual(env.pageErrors, []);
    }),
  );
});
