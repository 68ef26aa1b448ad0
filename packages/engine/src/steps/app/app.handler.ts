import { AppUnauthorizedError, NEEDS_RECONNECTING } from '../../apps/app-call';
import { appNeedsConnection, findApp, findAppAction } from '../../apps/app-catalogue';
import { evaluateAppInput } from '../../apps/app-input';
import { runAppAction } from '../../apps/run-app-action';
import type { ResolvedConnection } from '../../runner/ports';
import { StepError, toStepErrorInfo } from '../../runner/step-error';
import type { StepHandler } from '../../runner/step-handler';
import type { AppStep } from './app.schema';

/** `app`: evaluates the action's fields, resolves the connection and runs the action's calls. */
export const appHandler: StepHandler<AppStep> = async (params) => {
  const { step, ports } = params;
  const app = findApp(step.app);
  if (!app)
    throw new StepError({ code: 'UNKNOWN_APP', message: `app: there is no app ${step.app}`, kind: 'user', retryable: false, field: 'app' });
  const action = findAppAction(app, step.action);
  if (!action)
    throw new StepError({
      code: 'UNKNOWN_ACTION',
      message: `action: ${app.name} has no action ${step.action}`,
      kind: 'user',
      retryable: false,
      field: 'action',
    });
  const input = await evaluateAppInput({ action, input: step.input, context: params.context, evaluate: params.evaluate });

  let connection: ResolvedConnection | undefined;
  if (appNeedsConnection(app)) {
    if (!step.connectionId)
      throw new StepError({
        code: 'CONNECTION_REQUIRED',
        message: `connectionId: connect a ${app.name} account`,
        kind: 'user',
        retryable: false,
        field: 'connectionId',
      });
    if (!ports.connections)
      throw new StepError({
        code: 'CONNECTIONS_UNAVAILABLE',
        message: 'connectionId: this host cannot resolve app connections',
        kind: 'system',
        retryable: false,
        field: 'connectionId',
      });
    try {
      connection = await ports.connections.resolve(step.connectionId, app.key);
    } catch (err) {
      throw new StepError({ ...toStepErrorInfo(err), field: 'connectionId' });
    }
  }
  try {
    const result = await runAppAction({
      app,
      action,
      input,
      connection,
      ports,
      evaluate: params.evaluate,
      timeoutMs: step.timeoutMs,
      idempotencyKey: params.runId !== undefined ? `${params.runId}:${params.key}` : undefined,
    });
    return { input: { app: app.key, action: action.key, requests: result.requests }, output: result.output };
  } catch (err) {
    if (err instanceof AppUnauthorizedError && step.connectionId && ports.connections) {
      await ports.connections.reportUnauthorized(step.connectionId, err.message).catch(() => undefined);
      if (connection?.name)
        throw new StepError({
          ...err.info,
          message: `${err.info.message.replace(/; it needs reconnecting$/, '')}; the connection "${connection.name}" needs reconnecting: reconnect it on the Connections page`,
        });
    }
    if (err instanceof StepError && err.info.code === NEEDS_RECONNECTING) throw err;
    throw err;
  }
};
