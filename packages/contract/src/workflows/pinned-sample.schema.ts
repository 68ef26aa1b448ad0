import { z } from 'zod';
import { timestampSchema } from '../common/page.schema';
import { triggerSampleSchema } from '../requests/requests.schema';

/** Largest sample kept with a workflow, as JSON (a bigger request stays in the Inbox, not pinned). */
export const MAX_PINNED_SAMPLE_BYTES = 512 * 1024;

/**
 * The sample a workflow is designed against, kept with the workflow so that every teammate and
 * device previews and tests its steps against the same request: a copy of the recorded request
 * (`requestId`, so it outlives the request's retention) or of a template's sample.
 */
export const pinnedSampleSchema = z.strictObject({
  /** `manual`: typed or pasted by hand in the builder (shown as "hand-made"). */
  source: z.enum(['request', 'template', 'manual']),
  /** The recorded request it was copied from (null for a template's sample). */
  requestId: z.string().nullable(),
  trigger: triggerSampleSchema,
  /** Who pinned it (a user's name or an API key's), and when. */
  pinnedBy: z.string().nullable(),
  pinnedAt: timestampSchema,
});
export type PinnedSample = z.infer<typeof pinnedSampleSchema>;

/** `GET /api/workflows/:id/sample`: the pinned sample, or null when none is pinned. */
export const pinnedSampleResultSchema = z.strictObject({ sample: pinnedSampleSchema.nullable() });
export type PinnedSampleResult = z.infer<typeof pinnedSampleResultSchema>;

/** `PUT /api/workflows/:id/sample`: pin a recorded request (by id: the api copies it) or a template's sample. */
export const pinSampleSchema = z
  .strictObject({
    source: z.enum(['request', 'template', 'manual']),
    requestId: z.uuid('must be the id of a recorded request').optional(),
    trigger: triggerSampleSchema.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.source === 'request' && !value.requestId)
      ctx.addIssue({ code: 'custom', path: ['requestId'], message: 'is required to pin a recorded request' });
    if (value.source !== 'request' && !value.trigger)
      ctx.addIssue({
        code: 'custom',
        path: ['trigger'],
        message: `is required to pin a ${value.source === 'manual' ? 'hand-made' : 'template’s'} sample`,
      });
    if (value.trigger && JSON.stringify(value.trigger).length > MAX_PINNED_SAMPLE_BYTES)
      ctx.addIssue({ code: 'custom', path: ['trigger'], message: `must be at most ${MAX_PINNED_SAMPLE_BYTES / 1024} KB as JSON` });
  });
export type PinSampleRequest = z.input<typeof pinSampleSchema>;
