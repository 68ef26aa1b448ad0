import { Body, Controller, Get, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type FormAnswer, HostedFormService } from './hosted-form.service';

/** The page's own policy: no script at all, its inline style, sent only to itself (and on to the redirect URL). */
function contentSecurityPolicy(answer: FormAnswer): string {
  const formAction = ["'self'", answer.redirectOrigin].filter(Boolean).join(' ');
  return `default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action ${formAction}; base-uri 'none'; frame-ancestors 'none'`;
}

async function send(reply: FastifyReply, answer: FormAnswer): Promise<void> {
  reply.status(answer.status);
  reply.header('cache-control', 'no-store');
  reply.header('content-security-policy', contentSecurityPolicy(answer));
  if (answer.retryAfter) reply.header('retry-after', String(answer.retryAfter));
  if (answer.location) {
    await reply.header('location', answer.location).send();
    return;
  }
  await reply.type('text/html; charset=utf-8').send(answer.html);
}

/**
 * `GET`/`POST /forms/:token`: the hosted form, public (the token is the access), outside the api's
 * sign-in and CSRF checks; the answers arrive as a browser sends a form (urlencoded).
 */
@Controller('forms')
export class HostedFormController {
  constructor(private readonly forms: HostedFormService) {}

  @Get(':token')
  async show(@Param('token') token: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await send(reply, await this.forms.show(token, request.ip));
  }

  @Post(':token')
  @HttpCode(200)
  async submit(
    @Param('token') token: string,
    @Body() body: unknown,
    @Headers() headers: Record<string, string | string[] | undefined>,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await send(reply, await this.forms.send(token, request.ip, body, headers));
  }
}
