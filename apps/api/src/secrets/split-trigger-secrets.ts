import type { Trigger, WebhookTrigger, WorkflowDefinition } from '@switchyard/engine';

/**
 * Takes the write-only secrets out of a validated definition, so they never reach a workflow
 * version. `secrets` is what to store: the given list, `[]` to clear (also when the trigger has no
 * `verify` any more), or undefined to keep the stored ones (a `verify` that omits `secrets`).
 */
export function splitTriggerSecrets(definition: WorkflowDefinition): { definition: WorkflowDefinition; secrets: string[] | undefined } {
  const trigger = definition.trigger;
  if (trigger.type !== 'webhook' || !trigger.verify) return { definition, secrets: [] };
  const verify = trigger.verify;
  const { secrets, secretHints: _hints, ...rest } = verify;
  return { definition: { ...definition, trigger: { ...trigger, verify: rest as WebhookTrigger['verify'] } }, secrets };
}

/** The trigger as the API shows it: `verify.secretHints` in place of the secrets. */
export function withSecretHints<T extends Trigger>(trigger: T, hints: string[] | undefined): T {
  if (trigger.type !== 'webhook' || !trigger.verify) return trigger;
  return { ...trigger, verify: { ...trigger.verify, secretHints: hints ?? [] } };
}
