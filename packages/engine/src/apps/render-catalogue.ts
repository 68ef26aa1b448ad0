import { APP_CATEGORIES, type AppDefinition } from './app-definition.schema';
import { APPS } from './app-catalogue';

const AUTH_WORDS: Record<AppDefinition['auth']['kind'], string> = {
  oauth2: 'OAuth 2 sign-in',
  'api-key': 'API key',
  bearer: 'Token',
  basic: 'Username and password',
  custom: 'Key fields',
  none: 'None',
  'aws-sigv4': 'Access key (AWS Signature V4)',
  'standard-webhooks': 'Signing secret (Standard Webhooks)',
};

/** What the catalogue snapshot test pins: every app's actions and their fields (name, kind, required). */
export function catalogueShape(apps: ReadonlyArray<AppDefinition> = APPS): Record<string, Record<string, string[]>> {
  return Object.fromEntries(
    apps.map((app) => [
      app.key,
      Object.fromEntries(
        app.actions.map((action) => [action.key, action.fields.map((f) => `${f.name}:${f.kind}${f.required ? '!' : ''}`)]),
      ),
    ]),
  );
}

/**
 * `docs/apps/catalogue.md`, generated from the definitions (`npm run apps:catalogue` after building the engine;
 * the engine spec `src/apps/app-catalogue.spec.ts` fails when the checked-in page differs).
 */
export function renderAppCatalogue(apps: ReadonlyArray<AppDefinition> = APPS): string {
  const actions = apps.reduce((n, app) => n + app.actions.length, 0);
  const lines = [
    '# App catalogue',
    '',
    '<!-- Generated from packages/engine/src/apps by scripts/apps-catalogue.mjs: do not edit by hand. -->',
    '',
    `${apps.length} apps, ${actions} actions (each app's "Custom API call" included). How to connect each: [connecting accounts](connecting-accounts.md); how to add one: [adding an app](adding-an-app.md).`,
    '',
  ];
  for (const category of APP_CATEGORIES) {
    const inCategory = apps.filter((a) => a.category === category);
    if (inCategory.length === 0) continue;
    lines.push(`## ${category[0].toUpperCase()}${category.slice(1)}`, '');
    for (const app of inCategory) {
      lines.push(`### ${app.name} (\`${app.key}\`)`, '', `${app.description} Connection: ${AUTH_WORDS[app.auth.kind]}.`, '');
      lines.push('| Action | What it does | Fields (* required) |', '|---|---|---|');
      for (const action of app.actions) {
        const fields = action.fields.map((f) => `\`${f.name}\`${f.required ? '*' : ''} ${f.kind}`).join(', ');
        lines.push(`| ${action.label} (\`${action.key}\`) | ${action.description.replace(/\|/g, '\\|')} | ${fields} |`);
      }
      lines.push('');
    }
  }
  return lines.join('\n');
}
