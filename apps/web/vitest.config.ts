import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const ENGINE_SOURCE = fileURLToPath(new URL('../../packages/engine/src/index.ts', import.meta.url));
const CONTRACT_SOURCE = fileURLToPath(new URL('../../packages/contract/src/index.ts', import.meta.url));

// Unit specs cover pure logic only, so they run in node: no DOM emulation is installed.
export default defineConfig({
  resolve: { alias: { '@switchyard/engine': ENGINE_SOURCE, '@switchyard/contract': CONTRACT_SOURCE } },
  test: {
    environment: 'node',
    include: ['src/**/*.spec.ts'],
  },
});
