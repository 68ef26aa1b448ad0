import { createContext } from 'react';

/** The step whose form an expression field is in, so that fields at any depth preview in the right context. */
export const StepScopeContext = createContext<string | null>(null);
