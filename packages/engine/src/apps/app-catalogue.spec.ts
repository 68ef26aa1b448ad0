import { describe, expect, it } from 'vitest';
import { APPS, defineApp } from './app-catalogue';
import { slackApp } from './slack/slack.app';
import { catalogueShape, renderAppCatalogue } from './render-catalogue';

describe('app catalogue', () => {
  it('pins every app, action and field (update the snapshot only for an intended change)', () => {
    expect(catalogueShape()).toMatchSnapshot();
  });

  it('has unique app keys and unique action keys per app, each with a Custom API call unless it turns it off', () => {
    const keys = APPS.map((a) => a.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const app of APPS) {
      const actions = app.actions.map((a) => a.key);
      expect(new Set(actions).size, app.key).toBe(actions.length);
      // Apps whose connection is the whole target (a webhook URL, an SMTP server) turn it off (`customApiCall: false`).
      if (app.customApiCall) expect(actions.at(-1)).toBe('custom-api-call');
      else expect(actions, app.key).not.toContain('custom-api-call');
      for (const action of app.actions)
        for (const field of action.fields)
          for (const name of field.options?.dependsOn ?? [])
            expect(
              action.fields.map((f) => f.name),
              `${app.key}/${action.key}/${field.name}`,
            ).toContain(name);
    }
  });

  it('refuses an invalid definition, naming where', () => {
    expect(() => defineApp({ ...slackApp, key: 'Bad Key' })).toThrow(/app Bad Key: key: must be lower-case kebab-case/);
    expect(() =>
      defineApp({
        ...slackApp,
        actions: [
          {
            key: 'x',
            label: 'X',
            description: 'x',
            fields: [{ name: 'c', label: 'C', kind: 'choice' }],
            calls: [{ id: 'a', method: 'GET', path: '/' }],
          },
        ],
      }),
    ).toThrow(/actions.0.fields.0.choices: a choice field needs choices/);
  });
});

describe('docs/apps/catalogue.md', () => {
  it('is the page generated from the definitions (npm run apps:catalogue)', async () => {
    // Vite's ?raw import reads the checked-in page without file-system code in the engine.
    const path = '../../../../docs/apps/catalogue.md?raw';
    const page = ((await import(/* @vite-ignore */ path)) as { default: string }).default;
    expect(page).toBe(`${renderAppCatalogue()}\n`);
  });
});
