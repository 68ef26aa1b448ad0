import { z } from 'zod';

export const FORM_FIELD_TYPES = ['text', 'email', 'number', 'choice', 'date', 'longtext'] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];
/** Most fields in one form. */
export const MAX_FORM_FIELDS = 50;
/** Longest answer accepted for a text field (long text: 10x). */
export const MAX_FORM_TEXT_LENGTH = 1000;

/** One field of a hosted form; `name` is its key in `trigger.body`. */
export const formFieldSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'must start with a letter or _ and contain only letters, digits and _ (at most 64)')
    .describe('Key of the answer in trigger.body'),
  label: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').describe('Label shown to the person'),
  type: z.enum(FORM_FIELD_TYPES).describe('text, email, number, choice, date or longtext'),
  required: z.boolean().default(false).describe('The form cannot be sent without it'),
  help: z.string().max(500, 'must be at most 500 characters').optional().describe('Help text under the label'),
  options: z
    .array(z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'))
    .max(100, 'must list at most 100 options')
    .optional()
    .describe('choice: the options offered'),
});
export type FormField = z.infer<typeof formFieldSchema>;

/**
 * The hosted form trigger: Switchyard serves `fields` at `/forms/<token>` as plain HTML (works
 * without JavaScript, labelled, errors linked to their fields), checks the answers in the browser and
 * again on the server, starts a run whose `trigger.body` is the answers, then shows `thankYou` or
 * redirects to `redirectUrl`.
 */
export const formTriggerSchema = z.strictObject({
  type: z.literal('form'),
  title: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').describe('Heading of the form'),
  description: z.string().max(2000, 'must be at most 2000 characters').optional().describe('Text under the heading'),
  fields: z
    .array(formFieldSchema)
    .min(1, 'must have at least one field')
    .max(MAX_FORM_FIELDS, `must have at most ${MAX_FORM_FIELDS} fields`),
  submitLabel: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(60, 'must be at most 60 characters')
    .optional()
    .describe('Text of the button'),
  thankYou: z.string().max(2000, 'must be at most 2000 characters').optional().describe('Message shown after sending'),
  redirectUrl: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .max(2048, 'must be at most 2048 characters')
    .optional()
    .describe('Where to send the person after sending, instead of the message'),
});
export type FormTrigger = z.infer<typeof formTriggerSchema>;
