import type { EvaluateOptions } from '../expressions/evaluate-expression';
import { StepError } from '../runner/step-error';
import { evaluateField, renderField } from '../steps/shared/evaluate-field';
import { EXPRESSION_FIELD_KINDS, type AppAction, type AppField } from './app-definition.schema';

function invalid(field: AppField, message: string): StepError {
  const path = `input.${field.name}`;
  return new StepError({ code: 'INVALID_INPUT', message: `${path}: ${message}`, kind: 'user', retryable: false, field: path });
}

/** Turns one rendered or evaluated value into the field's type; throws naming the field. */
export function coerceAppField(field: AppField, value: unknown): unknown {
  if (value === undefined || value === null || value === '') {
    if (field.required) throw invalid(field, `is required (${field.label})`);
    return undefined;
  }
  switch (field.kind) {
    case 'number': {
      const n = typeof value === 'number' ? value : Number(String(value).trim());
      if (!Number.isFinite(n)) throw invalid(field, `must be a number, got "${String(value).slice(0, 50)}"`);
      return n;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const text = String(value).trim().toLowerCase();
      if (text === 'true' || text === 'yes' || text === '1') return true;
      if (text === 'false' || text === 'no' || text === '0') return false;
      throw invalid(field, `must be true or false, got "${String(value).slice(0, 50)}"`);
    }
    case 'choice': {
      const text = String(value);
      if (!field.choices?.some((c) => c.value === text))
        throw invalid(field, `must be one of ${field.choices?.map((c) => c.value).join(', ')}, got "${text.slice(0, 50)}"`);
      return text;
    }
    case 'date': {
      const text = String(value).trim();
      if (Number.isNaN(Date.parse(text)))
        throw invalid(field, `must be a date (ISO 8601, e.g. 2024-05-01T12:00:00Z), got "${text.slice(0, 50)}"`);
      return text;
    }
    case 'list':
      if (!Array.isArray(value)) throw invalid(field, 'must give a list (a JSONata array)');
      return value;
    case 'key-value':
    case 'dynamic-fields':
      if (typeof value !== 'object' || Array.isArray(value)) throw invalid(field, 'must give an object of names and values');
      return value;
    default:
      return value;
  }
}

/**
 * A `dynamic-fields` value as the form writes it: a JSON object of `{{ }}` templates by field key.
 * Anything else is JSONata (an expression giving the object).
 */
export function templatesOf(source: string): Record<string, string> | undefined {
  if (!source.trimStart().startsWith('{')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  if (!Object.values(parsed).every((v) => typeof v === 'string')) return undefined;
  return parsed as Record<string, string>;
}

/**
 * The values of an action's fields in a step: templates rendered and expressions evaluated against
 * the run's context, then checked and typed by field kind. Errors name `input.<field>`.
 */
export async function evaluateAppInput(params: {
  action: AppAction;
  input: Readonly<Record<string, string>>;
  context: unknown;
  evaluate: EvaluateOptions;
}): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const field of params.action.fields) {
    const source = params.input[field.name];
    const path = `input.${field.name}`;
    let value: unknown;
    if (source !== undefined && source.trim() !== '') {
      const templates = field.kind === 'dynamic-fields' ? templatesOf(source) : undefined;
      if (templates) {
        const rendered: Record<string, unknown> = {};
        for (const [key, template] of Object.entries(templates)) {
          const one = await renderField({ field: `${path}.${key}`, template, context: params.context, evaluate: params.evaluate });
          if (one !== undefined && one !== null && one !== '') rendered[key] = one;
        }
        value = Object.keys(rendered).length > 0 ? rendered : undefined;
      } else if (field.kind === 'dynamic-fields')
        value = await evaluateField({ field: path, source, context: params.context, evaluate: params.evaluate });
      else
        value = EXPRESSION_FIELD_KINDS.includes(field.kind)
          ? await evaluateField({ field: path, source, context: params.context, evaluate: params.evaluate })
          : await renderField({ field: path, template: source, context: params.context, evaluate: params.evaluate });
    }
    const typed = coerceAppField(field, value);
    if (typed !== undefined) out[field.name] = typed;
  }
  return out;
}
