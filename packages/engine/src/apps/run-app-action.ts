import type { EvaluateOptions } from '../expressions/evaluate-expression';
import type { ResolvedConnection } from '../runner/ports';
import type { RecordedRequest } from '../steps/shared/outbound-request';
import { callApp, evaluateApp, type AppCallAnswer, type AppPorts } from './app-call';
import { sendAppMail } from './app-mail';
import type { AppAction, AppDefinition, AppRequestContext } from './app-definition.schema';

/**
 * Runs an action's calls in order (a call whose `when` is false is skipped; each answer is
 * `calls.<id>` for the next ones) and maps the output. Returns what was sent, for the journal.
 */
export async function runAppAction(params: {
  app: AppDefinition;
  action: AppAction;
  input: Record<string, unknown>;
  connection?: ResolvedConnection;
  ports: AppPorts;
  evaluate: EvaluateOptions;
  timeoutMs: number;
  idempotencyKey?: string;
}): Promise<{ requests: Array<RecordedRequest | Record<string, unknown>>; output: unknown }> {
  const { app, action, evaluate } = params;
  const context: AppRequestContext = { input: params.input, connection: params.connection?.values ?? {}, calls: {} };
  const requests: Array<RecordedRequest | Record<string, unknown>> = [];
  let last: AppCallAnswer | undefined;
  for (const call of action.calls) {
    if (call.when !== undefined && (await evaluateApp(app, `${action.key}.${call.id}.when`, call.when, context, evaluate)) !== true)
      continue;
    const common = {
      app,
      context,
      ports: params.ports,
      evaluate,
      secrets: params.connection?.secrets ?? [],
      timeoutMs: params.timeoutMs,
      idempotencyKey:
        params.idempotencyKey === undefined
          ? undefined
          : action.calls.length > 1
            ? `${params.idempotencyKey}:${call.id}`
            : params.idempotencyKey,
    };
    const sent = call.transport === 'smtp' ? await sendAppMail({ ...common, call }) : await callApp({ ...common, request: call });
    requests.push(sent.recorded);
    context.calls[call.id] = sent.answer;
    last = sent.answer;
  }
  const output =
    action.output !== undefined
      ? await evaluateApp(app, `${action.key}.output`, action.output, { input: context.input, calls: context.calls }, evaluate)
      : last?.body;
  return { requests, output: output ?? null };
}
