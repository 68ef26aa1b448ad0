import { mapChildStepLists, walkSteps } from '../steps/step-tree';
import { diffValues, type ValueChange } from './diff-values';

/** A definition as compared: validated or not (a draft may not validate yet). */
export interface ComparableDefinition {
  trigger?: unknown;
  steps?: unknown;
}

/** What changed about one step (matched by id, nested steps included) or the trigger. */
export interface DefinitionChange {
  /** `trigger`, or the step's id. */
  target: string;
  kind: 'trigger' | 'step';
  /** The step's type (the new one when it changed). */
  stepType?: string;
  change: 'added' | 'removed' | 'changed' | 'moved';
  /** Where the step sits (`steps[2]`, `steps[1].paths[0].steps[0]`), before and after. */
  position?: { before?: string; after?: string };
  /** Field by field, nested step lists left out (their steps are changes of their own). */
  fields: ValueChange[];
  /** One line for people: `Step "notify" (http): url, body changed`. */
  summary: string;
}

export interface DefinitionDiff {
  same: boolean;
  changes: DefinitionChange[];
}

/** Trigger settings as compared: secrets are never part of a definition, and hints are not settings. */
function comparableTrigger(trigger: unknown): unknown {
  if (typeof trigger !== 'object' || trigger === null) return trigger;
  const { url: _url, token: _token, ...rest } = trigger as Record<string, unknown>;
  if (typeof rest.verify === 'object' && rest.verify !== null) {
    const { secrets: _secrets, secretHints: _hints, ...verify } = rest.verify as Record<string, unknown>;
    rest.verify = verify;
  }
  return rest;
}

interface Located {
  step: Record<string, unknown>;
  position: string;
  /** The list that holds it: its position without the last index. */
  list: string;
}

function locate(steps: unknown): Map<string, Located> {
  const found = new Map<string, Located>();
  if (!Array.isArray(steps)) return found;
  for (const visit of walkSteps<unknown>(steps)) {
    const step = visit.entry;
    if (typeof step !== 'object' || step === null) continue;
    const id = (step as { id?: unknown }).id;
    if (typeof id !== 'string' || found.has(id)) continue;
    found.set(id, {
      step: mapChildStepLists(step as Record<string, unknown>, () => []),
      position: visit.path,
      list: visit.path.replace(/\[\d+\]$/, ''),
    });
  }
  return found;
}

function stepLabel(id: string, step: Record<string, unknown>): string {
  return `Step "${id}" (${String(step.type)})`;
}

function fieldNames(fields: ValueChange[]): string {
  const names = [...new Set(fields.map((f) => f.path || '(whole value)'))];
  return names.length > 4 ? `${names.slice(0, 4).join(', ')} and ${names.length - 4} more` : names.join(', ');
}

/**
 * A readable, step-by-step diff of two workflow definitions (versions or a draft): the trigger
 * settings field by field (secrets never included), then each step matched by id (nested steps
 * too): added, removed, moved, or its fields changed. Deterministic; `from` is the older side.
 */
export function diffDefinitions(from: ComparableDefinition, to: ComparableDefinition): DefinitionDiff {
  const changes: DefinitionChange[] = [];
  const triggerFields = diffValues(comparableTrigger(from.trigger), comparableTrigger(to.trigger));
  if (triggerFields.length > 0) {
    changes.push({
      target: 'trigger',
      kind: 'trigger',
      change: 'changed',
      fields: triggerFields,
      summary: `Trigger: ${fieldNames(triggerFields)} changed`,
    });
  }
  const before = locate(from.steps);
  const after = locate(to.steps);
  // Inserting a step shifts the ones after it; only a change of list or of order among the steps
  // both sides share in that list counts as a move.
  const orderAmongShared = (side: Map<string, Located>, other: Map<string, Located>) => {
    const counters = new Map<string, number>();
    const order = new Map<string, number>();
    for (const [id, at] of side) {
      if (other.get(id)?.list !== at.list) continue;
      const n = counters.get(at.list) ?? 0;
      order.set(id, n);
      counters.set(at.list, n + 1);
    }
    return order;
  };
  const orderBefore = orderAmongShared(before, after);
  const orderAfter = orderAmongShared(after, before);
  for (const [id, now] of after) {
    const was = before.get(id);
    const type = String(now.step.type);
    if (!was) {
      changes.push({
        target: id,
        kind: 'step',
        stepType: type,
        change: 'added',
        position: { after: now.position },
        fields: [],
        summary: `${stepLabel(id, now.step)} added`,
      });
      continue;
    }
    const fields = diffValues(was.step, now.step);
    const moved = was.list !== now.list || orderBefore.get(id) !== orderAfter.get(id);
    if (fields.length === 0 && !moved) continue;
    const what = [fields.length > 0 ? `${fieldNames(fields)} changed` : '', moved ? `moved from ${was.position} to ${now.position}` : '']
      .filter(Boolean)
      .join('; ');
    changes.push({
      target: id,
      kind: 'step',
      stepType: type,
      change: fields.length > 0 ? 'changed' : 'moved',
      position: { before: was.position, after: now.position },
      fields,
      summary: `${stepLabel(id, now.step)}: ${what}`,
    });
  }
  for (const [id, was] of before) {
    if (after.has(id)) continue;
    changes.push({
      target: id,
      kind: 'step',
      stepType: String(was.step.type),
      change: 'removed',
      position: { before: was.position },
      fields: [],
      summary: `${stepLabel(id, was.step)} removed`,
    });
  }
  return { same: changes.length === 0, changes };
}
