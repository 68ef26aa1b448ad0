import { formatPath, type WorkflowDefinition } from '@switchyard/engine';

export interface CredentialReference {
  /** Where the reference is, e.g. `steps[2].credentialId` or `steps[0].paths[1].steps[0].credentialId`. */
  path: string;
  credentialId: string;
}

/**
 * Every `credentialId` in a definition's steps, nested steps included. It walks the JSON rather
 * than the step types, so that step types added later (app actions, containers) are covered too.
 */
export function findCredentialReferences(definition: Pick<WorkflowDefinition, 'steps'>): CredentialReference[] {
  const found: CredentialReference[] = [];
  const walk = (value: unknown, path: Array<string | number>): void => {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === 'credentialId' && typeof child === 'string') found.push({ path: formatPath([...path, key]), credentialId: child });
        else walk(child, [...path, key]);
      }
    }
  };
  walk(definition.steps, ['steps']);
  return found;
}
