import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// SWC instead of esbuild: NestJS and TypeORM need emitted decorator metadata.
const plugins = [swc.vite({ module: { type: 'es6' } })];

export default defineConfig({
  plugins,
  test: {
    // Integration and e2e files start servers and workers: one file at a time keeps 2 cores calm.
    fileParallelism: false,
    projects: [
      { plugins, test: { name: 'unit', include: ['src/**/*.spec.ts'] } },
      {
        plugins,
        test: { name: 'integration', include: ['test/integration/**/*.spec.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
      },
      { plugins, test: { name: 'e2e', include: ['test/e2e/**/*.spec.ts'], testTimeout: 180_000, hookTimeout: 180_000 } },
      // Real processes, a PostgreSQL and a Redis of its own, faults injected while webhooks flow.
      { plugins, test: { name: 'fault', include: ['test/fault/**/*.spec.ts'], testTimeout: 240_000, hookTimeout: 120_000 } },
    ],
  },
});
