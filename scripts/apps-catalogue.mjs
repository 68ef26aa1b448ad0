// Writes docs/apps/catalogue.md from the app definitions (the built engine); with --check, fails
// when the checked-in page differs (the engine spec src/apps/app-catalogue.spec.ts checks it too).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const engine = createRequire(import.meta.url)(join(root, 'packages/engine/dist/index.js'));
const target = join(root, 'docs/apps/catalogue.md');
const page = engine.renderAppCatalogue() + '\n';

if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current !== page) {
    console.error('docs/apps/catalogue.md is stale: run `npm run apps:catalogue` (after building the engine).');
    process.exit(1);
  }
  console.log('docs/apps/catalogue.md matches the app definitions');
} else {
  writeFileSync(target, page);
  console.log(`wrote docs/apps/catalogue.md`);
}
