import { z } from 'zod';
import { filterStepSchema } from './steps/filter-step.schema';
import { httpStepSchema } from './steps/http-step.schema';
import { mapStepSchema } from './steps/map-step.schema';

/** Every step type, discriminated by `type`. */
export const stepSchema = z.discriminatedUnion('type', [mapStepSchema, filterStepSchema, httpStepSchema]);
export type Step = z.infer<typeof stepSchema>;
export type StepType = Step['type'];
export const STEP_TYPES: ReadonlyArray<StepType> = ['map', 'filter', 'http'];
