import type { z } from 'zod';
import type { Access } from '../access/access';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/**
 * One route of the HTTP api. The key in ROUTES is `METHOD /path` with Nest/Fastify parameters
 * (`/api/workflows/:id`). Errors answer `errorBodySchema` with their status.
 */
export interface RouteSpec {
  /** One line for the reference docs. */
  summary: string;
  /** Who may call it; the api's AccessGuard reads this. */
  access: Access;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Status of a successful answer (302: a redirect, no body). */
  status: 200 | 201 | 202 | 204 | 302;
  /** Schema of a successful JSON answer; null when there is no body (204) or it is not JSON (`produces`). */
  response: z.ZodType | null;
  /** Content type of answers that are not JSON: an event stream, raw bytes, a page. */
  produces?: 'text/event-stream' | 'application/octet-stream' | 'text/html';
  /** Answers besides success and errors, by status (e.g. readiness: 503 with the same body). */
  otherResponses?: Partial<Record<number, z.ZodType>>;
}

/** Api routes live under `/api`; the hosted forms' public pages under `/forms`. */
export type RouteKey = `${HttpMethod} /api${string}` | `${HttpMethod} /forms/${string}`;
