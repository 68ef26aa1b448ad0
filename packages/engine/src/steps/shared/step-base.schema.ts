import { z } from 'zod';
import { retryPolicySchema } from '../../runner/retry-policy';

/** Step ids name a step's output in expressions (`steps.<id>`): letters, digits and `_`, 1-64 chars. */
export const stepIdSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'must start with a letter or _ and contain only letters, digits and _ (at most 64)');

export const stepBaseShape = {
  id: stepIdSchema.describe('Stable id of the step; its output is `steps.<id>` in later expressions'),
  name: z.string().max(200, 'must be at most 200 characters').optional().describe('Label shown in the builder and the run history'),
  retry: retryPolicySchema
    .optional()
    .describe('Retries of retryable failures; default: 3 attempts for http and app actions, 1 for other steps'),
};

/** A JSONata expression field (validated for syntax separately, with the error position). */
export const expressionSchema = z.string().min(1, 'must not be empty').max(100_000, 'must be at most 100,000 characters');

/** A text field with `{{ expression }}` placeholders. */
export const templateSchema = z.string().max(100_000, 'must be at most 100,000 characters');

/** The id of a stored credential. */
export const credentialIdSchema = z.string().min(1, 'must not be empty').max(128, 'must be at most 128 characters');
