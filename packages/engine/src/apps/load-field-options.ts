import type { EvaluateOptions } from '../expressions/evaluate-expression';
import type { EnginePorts, ResolvedConnection } from '../runner/ports';
import { StepError } from '../runner/step-error';
import { callApp, evaluateApp } from './app-call';
import { dynamicFieldDescriptorSchema, type AppDefinition, type AppField, type DynamicFieldDescriptor } from './app-definition.schema';

/** One entry of a live list. */
export interface FieldOption {
  label: string;
  value: string;
}

/** Most pages a live list reads; most entries it returns. */
export const MAX_OPTION_PAGES = 10;
export const MAX_OPTIONS = 1000;

/**
 * The entries of a dynamic-choice field, read through the connection: the field's request (with
 * `input` = the values of the fields it depends on, `page` = the cursor), page after page while
 * `nextPage` gives a cursor, mapped with `items`, filtered by `search` (label or value, any case).
 */
export async function loadFieldOptions(params: {
  app: AppDefinition;
  field: AppField;
  input: Record<string, unknown>;
  connection?: ResolvedConnection;
  ports: Pick<EnginePorts, 'http'>;
  evaluate: EvaluateOptions;
  search?: string;
  timeoutMs?: number;
}): Promise<{ items: FieldOption[]; truncated: boolean }> {
  const { app, field, evaluate } = params;
  const options = field.options;
  if (!options)
    throw new StepError({ code: 'NOT_DYNAMIC', message: `${field.name} is not a dynamic-choice field`, kind: 'user', retryable: false });
  for (const name of options.dependsOn) {
    const value = params.input[name];
    if (value === undefined || value === '')
      throw new StepError({
        code: 'DEPENDS_ON',
        message: `input.${name}: choose it first, the list of ${field.label} depends on it`,
        kind: 'user',
        retryable: false,
        field: `input.${name}`,
      });
  }
  const items: FieldOption[] = [];
  let page: string | undefined;
  let truncated = false;
  for (let n = 0; n < MAX_OPTION_PAGES; n++) {
    const context = { input: params.input, connection: params.connection?.values ?? {}, calls: {}, page };
    const { answer } = await callApp({
      app,
      request: options.request,
      context,
      ports: params.ports,
      evaluate,
      secrets: params.connection?.secrets ?? [],
      timeoutMs: params.timeoutMs ?? 10_000,
    });
    const mapped = await evaluateApp(app, `${field.name}.options.items`, options.items, answer, evaluate);
    for (const item of mapped === undefined ? [] : Array.isArray(mapped) ? mapped : [mapped]) {
      const { label, value } = (item ?? {}) as { label?: unknown; value?: unknown };
      if (value === undefined || value === null) continue;
      items.push({ label: String(label ?? value), value: String(value) });
    }
    const next =
      options.nextPage === undefined
        ? undefined
        : await evaluateApp(app, `${field.name}.options.nextPage`, options.nextPage, answer, evaluate);
    if (next === undefined || next === null || next === '' || next === false) break;
    page = String(next);
    if (n === MAX_OPTION_PAGES - 1) truncated = true;
  }
  const search = params.search?.trim().toLowerCase();
  const found = search ? items.filter((i) => i.label.toLowerCase().includes(search) || i.value.toLowerCase().includes(search)) : items;
  return { items: found.slice(0, MAX_OPTIONS), truncated: truncated || found.length > MAX_OPTIONS };
}

/** Most fields a `dynamic-fields` field gives. */
export const MAX_DYNAMIC_FIELDS = 200;

/**
 * The fields of a `dynamic-fields` field (the properties of a Notion database), read through the
 * connection: the field's request (with `input` = the values of the fields it depends on), mapped
 * with `items` to `[{ key, label, type, options, required }]`. A descriptor that is not one is
 * refused naming it.
 */
export async function loadDynamicFields(params: {
  app: AppDefinition;
  field: AppField;
  input: Record<string, unknown>;
  connection?: ResolvedConnection;
  ports: Pick<EnginePorts, 'http'>;
  evaluate: EvaluateOptions;
  timeoutMs?: number;
}): Promise<{ fields: DynamicFieldDescriptor[] }> {
  const { app, field, evaluate } = params;
  const spec = field.fields;
  if (!spec)
    throw new StepError({ code: 'NOT_DYNAMIC', message: `${field.name} is not a dynamic-fields field`, kind: 'user', retryable: false });
  for (const name of spec.dependsOn) {
    const value = params.input[name];
    if (value === undefined || value === '')
      throw new StepError({
        code: 'DEPENDS_ON',
        message: `input.${name}: choose it first, the fields of ${field.label} depend on it`,
        kind: 'user',
        retryable: false,
        field: `input.${name}`,
      });
  }
  const context = { input: params.input, connection: params.connection?.values ?? {}, calls: {} };
  const { answer } = await callApp({
    app,
    request: spec.request,
    context,
    ports: params.ports,
    evaluate,
    secrets: params.connection?.secrets ?? [],
    timeoutMs: params.timeoutMs ?? 10_000,
  });
  const mapped = await evaluateApp(app, `${field.name}.fields.items`, spec.items, answer, evaluate);
  const fields: DynamicFieldDescriptor[] = [];
  for (const [index, item] of (mapped === undefined ? [] : Array.isArray(mapped) ? mapped : [mapped]).entries()) {
    const parsed = dynamicFieldDescriptorSchema.safeParse(item);
    if (!parsed.success)
      throw new StepError({
        code: 'APP_DEFINITION',
        message: `${app.key}: ${field.name}.fields.items[${index}]: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'value'} ${i.message}`).join('; ')}`,
        kind: 'system',
        retryable: false,
      });
    fields.push(parsed.data);
  }
  return { fields: fields.slice(0, MAX_DYNAMIC_FIELDS) };
}

/** Who a connection is, from the app's identity call: the account shown beside it (e-mail, workspace name). */
export async function identifyConnection(params: {
  app: AppDefinition;
  connection: ResolvedConnection;
  ports: Pick<EnginePorts, 'http'>;
  evaluate: EvaluateOptions;
}): Promise<{ account: string | null }> {
  const identity = params.app.identity;
  if (!identity) return { account: null };
  const context = { input: {}, connection: params.connection.values, calls: {} };
  const { answer } = await callApp({
    app: params.app,
    request: identity.request,
    context,
    ports: params.ports,
    evaluate: params.evaluate,
    secrets: params.connection.secrets,
    timeoutMs: 10_000,
  });
  const account = await evaluateApp(params.app, 'identity.account', identity.account, answer, params.evaluate);
  return { account: account === undefined || account === null ? null : String(account) };
}
