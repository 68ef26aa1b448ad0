import { defineConfig } from 'vitest/config';

// Renders the Kubernetes manifests and checks them and docker-compose.yml against their schemas and
// against what the app and the Dockerfile expect. Needs the api built (its settings are read from dist).
export default defineConfig({
  root: __dirname,
  test: { include: ['test/**/*.spec.ts'], testTimeout: 60_000 },
});
