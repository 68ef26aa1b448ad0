import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const API_ORIGIN = 'http://127.0.0.1:3000';

// The engine is imported from source: it is pure and browser-safe, and the builder validates and
// previews expressions with exactly the code the worker runs, without waiting for an engine build.
// The contract too: the api's own schemas and types, nothing to wait for.
const ENGINE_SOURCE = fileURLToPath(new URL('../../packages/engine/src/index.ts', import.meta.url));
const CONTRACT_SOURCE = fileURLToPath(new URL('../../packages/contract/src/index.ts', import.meta.url));

export default defineConfig({
  base: '/',
  plugins: [react()],
  resolve: { alias: { '@switchyard/engine': ENGINE_SOURCE, '@switchyard/contract': CONTRACT_SOURCE } },
  // The builder chunk (CodeMirror, JSONata, zod) is loaded only on the editor routes.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 900 },
  server: {
    proxy: {
      '/api': { target: API_ORIGIN, changeOrigin: false },
      '/hooks': { target: API_ORIGIN, changeOrigin: false },
    },
  },
});
