import type { z } from 'zod';
import type { ValidationIssue } from '../validation/validation-issue';

/**
 * Everything the engine knows about one trigger type, in its folder `triggers/<type>/`: its schema
 * and the checks the schema cannot see (expression syntax, cron patterns, time zones). The registry
 * `TRIGGER_KITS` holds one kit per type; validation reads it instead of switching on the type.
 */
export interface TriggerKit<T extends { type: string }> {
  type: T['type'];
  /** Short name, e.g. `Schedule`. */
  label: string;
  /** One sentence on how the trigger starts runs. */
  description: string;
  schema: z.ZodType<T>;
  /** Problems the schema cannot see, with paths from `trigger.` on. */
  check(trigger: T): ValidationIssue[];
  /** The trigger has a webhook URL (`/hooks/<token>`) that senders call. */
  hasWebhookUrl: boolean;
}
