import type { AppAction, AppDefinition } from './app-definition.schema';

/** Key of the action every app gets unless it opts out (`customApiCall: false`). */
export const CUSTOM_API_CALL = 'custom-api-call';

/** The "Custom API call" action of an app: any endpoint on its base URL, with the connection's authentication. */
export function customApiCallAction(app: Pick<AppDefinition, 'name'>): AppAction {
  return {
    key: CUSTOM_API_CALL,
    label: 'Custom API call',
    description: `Calls any endpoint of the ${app.name} API with the connection (base URL and authentication filled in).`,
    fields: [
      {
        name: 'method',
        label: 'Method',
        kind: 'choice',
        required: true,
        choices: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((m) => ({ label: m, value: m })),
      },
      {
        name: 'path',
        label: 'Path',
        kind: 'text',
        required: true,
        placeholder: '/v1/things',
        help: 'Relative to the base URL of the app.',
      },
      { name: 'query', label: 'Query parameters', kind: 'key-value', required: false, placeholder: "{ 'limit': 10 }" },
      { name: 'headers', label: 'Headers', kind: 'key-value', required: false, placeholder: "{ 'X-Custom': 'yes' }" },
      { name: 'body', label: 'Body (JSON)', kind: 'json', required: false, placeholder: "{ 'name': trigger.body.name }" },
    ],
    calls: [
      {
        id: 'call',
        method: '{{ input.method }}',
        path: '{{ input.path }}',
        query: 'input.query',
        headers: 'input.headers',
        body: 'input.body',
        bodyType: 'json',
        transport: 'http',
      },
    ],
    output: '{ "status": calls.call.status, "headers": calls.call.headers, "body": calls.call.body }',
  };
}
