import { z } from 'zod';
import type { TriggerKit } from '../trigger-kit';

/** Manual only: the workflow starts when someone presses Run now (or calls `POST /api/workflows/:id/run`). */
export const manualTriggerSchema = z.strictObject({ type: z.literal('manual') });
export type ManualTrigger = z.infer<typeof manualTriggerSchema>;

export const manualTriggerKit: TriggerKit<ManualTrigger> = {
  type: 'manual',
  label: 'Manual',
  description: 'Starts only when someone runs it by hand with Run now.',
  schema: manualTriggerSchema,
  check: () => [],
  hasWebhookUrl: false,
};
