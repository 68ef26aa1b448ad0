import { childStepLists, formatPath, walkSteps, withChildStepList, type WorkflowDefinition } from '@switchyard/engine';

export interface CredentialReference {
  /** Where the reference is, e.g. `steps[2].credentialId` or `steps[0].paths[1].steps[0].credentialId`. */
  path: string;
  credentialId: string;
}

/**
 * Every `credentialId` in a definition's steps, nested steps included. Each step's own fields are
 * searched as JSON rather than by step type, so that credentials at any depth of a field (`sign`)
 * and in step types added later are covered too.
 */
export function findCredentialReferences(definition: Pick<WorkflowDefinition, 'steps'>): CredentialReference[] {
  const found: CredentialReference[] = [];
  const search = (value: unknown, path: Array<string | number>): void => {
    if (Array.isArray(value)) value.forEach((item, i) => search(item, [...path, i]));
    else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === 'credentialId' && typeof child === 'string') found.push({ path: formatPath([...path, key]), credentialId: child });
        else search(child, [...path, key]);
      }
    }
  };
  for (const { entry, path } of walkSteps(definition.steps)) {
    // Nested steps are visited on their own, with their own paths.
    const own = childStepLists(entry).reduce((step, list) => withChildStepList(step, list.id, []), entry);
    search(own, [path]);
  }
  return found;
}
