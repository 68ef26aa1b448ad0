import { dirname } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where the API reference page's files are served from. */
export const API_DOCS_ASSETS = '/api/docs/assets';

const START_SCRIPT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#api-reference', deepLinking: true, tryItOutEnabled: false });
});
`;

/**
 * The renderer of `/api/docs` (swagger-ui-dist, from npm: no CDN), served as static files beside
 * the page. Plain Fastify routes like the web UI's files: they are not part of the HTTP contract.
 */
export async function registerApiDocsAssets(fastify: FastifyInstance): Promise<void> {
  const root = dirname(require.resolve('swagger-ui-dist/package.json'));
  await fastify.register(fastifyStatic, {
    root,
    prefix: `${API_DOCS_ASSETS}/`,
    decorateReply: false,
    wildcard: false,
    allowedPath: (path) => ['/swagger-ui.css', '/swagger-ui-bundle.js'].includes(path),
  });
  fastify.get(`${API_DOCS_ASSETS}/start.js`, async (_request, reply) =>
    reply.header('content-type', 'text/javascript; charset=utf-8').send(START_SCRIPT),
  );
}
