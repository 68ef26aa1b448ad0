import { z } from 'zod';

/**
 * One field-level problem: `path` names the field in the form `steps[1].condition` (empty for the
 * whole body). Expression errors add `position` (0-based offset just after the offending token),
 * `token` and the JSONata `code`.
 */
export const errorDetailSchema = z.looseObject({
  path: z.string(),
  message: z.string(),
  position: z.number().int().optional(),
  token: z.string().optional(),
  code: z.string().optional(),
});
export type ErrorDetail = z.infer<typeof errorDetailSchema>;

/**
 * Every error answer: `{ "error": { code, message, details } }`. `code` is stable and
 * machine-readable (`validation_failed`, `not_found`, `forbidden`...); some errors add members
 * (e.g. `workflows` on `credential_in_use`, `lockedUntil` on `account_locked`).
 */
export const errorBodySchema = z.strictObject({
  error: z.looseObject({
    code: z.string().min(1),
    message: z.string(),
    details: z.array(errorDetailSchema),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
