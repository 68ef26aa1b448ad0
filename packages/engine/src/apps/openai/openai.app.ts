import type { AppDefinitionInput } from '../app-definition.schema';

/** OpenAI-compatible chat completions (https://platform.openai.com/docs/api-reference/chat): OpenAI, or any server that speaks the same API. */
export const openaiApp: AppDefinitionInput = {
  key: 'openai',
  name: 'OpenAI-compatible chat',
  description: 'Ask a chat model (OpenAI, or any OpenAI-compatible server) and use its answer.',
  category: 'ai',
  color: '#10a37f',
  docsUrl: 'https://platform.openai.com/docs/api-reference/chat/create',
  auth: {
    kind: 'custom',
    fields: [
      {
        name: 'baseUrl',
        label: 'API base URL',
        secret: false,
        placeholder: 'https://api.openai.com/v1',
        help: 'OpenAI, or your compatible server (vLLM, Ollama, LiteLLM...).',
      },
      { name: 'apiKey', label: 'API key', secret: true, required: false },
    ],
    headers: { authorization: "{{ connection.apiKey ? 'Bearer ' & connection.apiKey }}" },
  },
  baseUrl: '{{ connection.baseUrl }}',
  identity: { request: { method: 'GET', path: '/models' }, account: "$string($count(body.data)) & ' models'" },
  response: { error: 'body.error.message' },
  actions: [
    {
      key: 'chat',
      label: 'Ask a chat model',
      description: 'Sends a system and a user message and returns the reply (chat/completions).',
      fields: [
        {
          name: 'model',
          label: 'Model',
          kind: 'dynamic-choice',
          required: true,
          options: { request: { method: 'GET', path: '/models' }, items: "body.data.{ 'label': id, 'value': id }" },
        },
        { name: 'system', label: 'Instructions (system)', kind: 'long-text' },
        { name: 'prompt', label: 'Message', kind: 'long-text', required: true },
        { name: 'temperature', label: 'Temperature', kind: 'number' },
      ],
      calls: [
        {
          id: 'chat',
          method: 'POST',
          path: '/chat/completions',
          body: "{ 'model': input.model, 'messages': [input.system ? { 'role': 'system', 'content': input.system }, { 'role': 'user', 'content': input.prompt }], 'temperature': input.temperature }",
        },
      ],
      output: "{ 'reply': calls.chat.body.choices[0].message.content, 'usage': calls.chat.body.usage, 'model': calls.chat.body.model }",
    },
  ],
};
