import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Security headers on every answer: a CSP the built UI works under (CodeMirror sets inline styles,
 * hence 'unsafe-inline' for styles only), no framing, HSTS only behind TLS. CORS stays closed unless
 * SWITCHYARD_CORS_ORIGINS lists origins.
 */
export async function registerSecurityHeaders(
  app: NestFastifyApplication,
  options: { publicUrl: string; corsOrigins: string },
): Promise<void> {
  const https = options.publicUrl.startsWith('https://');
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    hsts: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  const origins = options.corsOrigins
    .split(',')
    .map((o) => o.trim().replace(/\/$/, ''))
    .filter(Boolean);
  if (origins.length > 0) {
    await app.register(cors, {
      origin: origins,
      credentials: true,
      allowedHeaders: ['content-type', 'authorization', 'x-csrf-token', 'x-switchyard-workspace'],
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    });
  }
}
