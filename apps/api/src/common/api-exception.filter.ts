import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './api-error';
import { LOGGER, type Logger } from './logger';

const CODES: Record<number, string> = {
  400: 'bad_request',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

/** Maps every error to `{ error: { code, message, details } }`; unknown errors become a logged 500. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly spaIndex: string | null,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    if (exception instanceof ApiError) {
      void reply.code(exception.status).send(exception.toBody());
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (status === 404 && this.spaIndex && request.method === 'GET' && !/^\/(api|hooks)(\/|$)/.test(request.url)) {
        void reply.type('text/html').sendFile('index.html', this.spaIndex);
        return;
      }
      if (typeof response === 'object' && response !== null && 'status' in response) {
        void reply.code(status).send(response);
        return;
      }
      const raw = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      if (status === 400 && typeof raw === 'string' && /JSON/.test(raw)) {
        void reply.code(400).send({
          error: {
            code: 'invalid_json',
            message: `The request body is not valid JSON: ${raw}`,
            details: [{ path: 'body', message: raw }],
          },
        });
        return;
      }
      const message =
        typeof response === 'string' ? response : ((response as { message?: string | string[] }).message ?? exception.message);
      void reply
        .code(status)
        .send({ error: { code: CODES[status] ?? 'error', message: Array.isArray(message) ? message.join('; ') : message, details: [] } });
      return;
    }
    const e = exception as { statusCode?: number; code?: string; message?: string };
    if (e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (e.statusCode === 400 && e.message)) {
      void reply.code(400).send({
        error: {
          code: 'invalid_json',
          message: `The request body is not valid JSON: ${e.message}`,
          details: [{ path: 'body', message: e.message }],
        },
      });
      return;
    }
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      void reply
        .code(e.statusCode)
        .send({ error: { code: CODES[e.statusCode] ?? 'bad_request', message: e.message ?? 'Bad request', details: [] } });
      return;
    }
    this.logger.error({ err: exception, url: request.url }, 'unhandled error');
    void reply.code(500).send({ error: { code: 'internal_error', message: 'Internal error', details: [] } });
  }
}
