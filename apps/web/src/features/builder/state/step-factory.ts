import type { StepDefinition } from '../../../api';
import { APP_STEP_TYPE_INFO, createAppStep, isAppStepType, type AppStepType } from './app-step-factory';

export type BuilderStepType = 'map' | 'filter' | 'http' | AppStepType;

export const STEP_TYPE_INFO: Record<BuilderStepType, { label: string; description: string }> = {
  map: { label: 'Transform data', description: 'Reshape the data with a JSONata expression.' },
  filter: { label: 'Only continue if…', description: 'Stop the run unless a condition is true.' },
  http: { label: 'Send an HTTP request', description: 'Call any URL: a chat webhook, an API, your server.' },
  ...APP_STEP_TYPE_INFO,
};

/** `map_1`, `map_2`, ... the first that no other step uses (the engine names id-less steps alike). */
export function uniqueStepId(params: { base: string; taken: Iterable<string> }): string {
  const taken = new Set(params.taken);
  const base = params.base.replace(/[^A-Za-z0-9_]/g, '_').replace(/^([^A-Za-z_])/, '_$1').slice(0, 56) || 'step';
  for (let n = 1; ; n += 1) {
    const id = `${base}_${n}`;
    if (!taken.has(id)) return id;
  }
}

/** A new step of a type with empty fields for the user to fill in. */
export function createStep(params: { type: BuilderStepType; taken: Iterable<string> }): StepDefinition {
  const id = uniqueStepId({ base: params.type, taken: params.taken });
  if (isAppStepType(params.type)) return createAppStep(params.type, id);
  switch (params.type) {
    case 'map':
      return { id, type: 'map', expression: '' };
    case 'filter':
      return { id, type: 'filter', condition: '' };
    case 'http':
      return { id, type: 'http', method: 'POST', url: '', headers: {}, body: '' };
  }
}
