import { defineConfig } from 'vitest/config';

// Unit specs cover pure helpers only, so they run in node: no DOM emulation is installed.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.spec.ts'],
  },
});
