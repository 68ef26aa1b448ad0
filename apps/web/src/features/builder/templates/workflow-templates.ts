import type { StepDefinition, TriggerSample } from '../../../api';

/** A ready-made workflow: steps to start from, and a sample request so the preview works at once. */
export interface WorkflowTemplate {
  id: string;
  name: string;
  description: string;
  /** What the user still has to fill in, shown on the template card. */
  todo: string[];
  trigger: { type: 'webhook'; methods?: string[]; verify?: { scheme: string } };
  steps: StepDefinition[];
  sample: TriggerSample | null;
}

const RECEIVED_AT = '2025-01-15T09:30:00.000Z';

export const BLANK_TEMPLATE: WorkflowTemplate = {
  id: 'blank',
  name: 'Blank workflow',
  description: 'Start with a trigger URL and add your own steps.',
  todo: [],
  trigger: { type: 'webhook' },
  steps: [],
  sample: null,
};

export const WORKFLOW_TEMPLATES: readonly WorkflowTemplate[] = [
  {
    id: 'github-push-to-chat',
    name: 'GitHub push to a chat message',
    description: 'Posts "who pushed what" to Slack, Teams, Discord or any chat webhook when commits are pushed.',
    todo: [
      'Paste the trigger URL in GitHub: Settings → Webhooks (content type application/json) and choose a secret',
      'Enter the same secret under Security on the trigger',
      'Set your chat webhook URL in “Post to chat”',
    ],
    trigger: { type: 'webhook', methods: ['POST'], verify: { scheme: 'github' } },
    steps: [
      { id: 'only_pushes', name: 'Only pushes', type: 'filter', condition: 'trigger.headers.`x-github-event` = "push"' },
      {
        id: 'message',
        name: 'Write the message',
        type: 'map',
        expression: [
          '{',
          '  "text": trigger.body.pusher.name & " pushed " & $string($count(trigger.body.commits)) & " commit(s) to "',
          '    & trigger.body.repository.full_name & " (" & $replace(trigger.body.ref, "refs/heads/", "") & ")\\n"',
          '    & $join(trigger.body.commits.("• " & $substring(id, 0, 7) & " " & message), "\\n")',
          '}',
        ].join('\n'),
      },
      {
        id: 'post_to_chat',
        name: 'Post to chat',
        type: 'http',
        method: 'POST',
        url: 'https://hooks.example.com/replace-with-your-chat-webhook',
        headers: {},
        body: 'steps.message',
      },
    ],
    sample: {
      method: 'POST',
      receivedAt: RECEIVED_AT,
      query: {},
      headers: { 'content-type': 'application/json', 'x-github-event': 'push', 'user-agent': 'GitHub-Hookshot/abc123' },
      body: {
        ref: 'refs/heads/main',
        repository: { full_name: 'acme/shop', html_url: 'https://github.com/acme/shop' },
        pusher: { name: 'ada', email: 'ada@example.com' },
        commits: [
          { id: '7d1c2f9a8b3e4d5c6b7a8f9e0d1c2b3a4f5e6d7c', message: 'Fix checkout rounding', author: { name: 'Ada' } },
          { id: '1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b', message: 'Add order export', author: { name: 'Ada' } },
        ],
      },
    },
  },
  {
    id: 'stripe-payment-to-json',
    name: 'Stripe payment to a JSON POST',
    description: 'When a payment succeeds, sends its amount, currency and customer as clean JSON to your system.',
    todo: [
      'Add the trigger URL as a Stripe webhook endpoint for payment_intent.succeeded',
      'Paste its signing secret (whsec_…) under Security on the trigger',
      'Set your endpoint URL and token in “Send to your system”',
    ],
    trigger: { type: 'webhook', methods: ['POST'], verify: { scheme: 'stripe' } },
    steps: [
      {
        id: 'only_succeeded',
        name: 'Only successful payments',
        type: 'filter',
        condition: 'trigger.body.type = "payment_intent.succeeded"',
      },
      {
        id: 'payment',
        name: 'Shape the payment',
        type: 'map',
        expression: [
          '{',
          '  "id": trigger.body.data.object.id,',
          '  "amount": trigger.body.data.object.amount_received / 100,',
          '  "currency": $uppercase(trigger.body.data.object.currency),',
          '  "email": trigger.body.data.object.receipt_email,',
          '  "paidAt": $fromMillis(trigger.body.created * 1000)',
          '}',
        ].join('\n'),
      },
      {
        id: 'send',
        name: 'Send to your system',
        type: 'http',
        method: 'POST',
        url: 'https://api.example.com/payments',
        headers: { Authorization: 'Bearer replace-with-your-token' },
        body: 'steps.payment',
      },
    ],
    sample: {
      method: 'POST',
      receivedAt: RECEIVED_AT,
      query: {},
      headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': 't=1736933400,v1=…', 'user-agent': 'Stripe/1.0' },
      body: {
        id: 'evt_3Qh1',
        type: 'payment_intent.succeeded',
        created: 1736933400,
        data: {
          object: {
            id: 'pi_3Qh1',
            object: 'payment_intent',
            amount: 4900,
            amount_received: 4900,
            currency: 'eur',
            receipt_email: 'grace@example.com',
            status: 'succeeded',
          },
        },
      },
    },
  },
  {
    id: 'form-filtered-forward',
    name: 'Form submission filtered and forwarded',
    description: 'Keeps form submissions with a real email address and forwards the lead to your CRM or sheet.',
    todo: [
      'Point your form tool (Typeform, Tally, Webflow…) at the trigger URL',
      'Set the address of your CRM or sheet in “Forward the lead”',
    ],
    trigger: { type: 'webhook', methods: ['POST'] },
    steps: [
      {
        id: 'lead',
        name: 'Read the form',
        type: 'map',
        expression:
          '{\n  "name": $trim(trigger.body.name),\n  "email": $lowercase($trim(trigger.body.email)),\n  "message": trigger.body.message,\n  "source": "website form"\n}',
      },
      {
        id: 'has_email',
        name: 'Only with an email address',
        type: 'filter',
        condition: '$contains(steps.lead.email, /^[^@\\s]+@[^@\\s]+\\.[a-z]+$/i)',
      },
      {
        id: 'forward',
        name: 'Forward the lead',
        type: 'http',
        method: 'POST',
        url: 'https://crm.example.com/leads',
        headers: {},
        body: 'steps.lead',
      },
    ],
    sample: {
      method: 'POST',
      receivedAt: RECEIVED_AT,
      query: {},
      headers: { 'content-type': 'application/json' },
      body: { name: ' Grace Hopper ', email: 'Grace@Example.org ', message: 'Please call me back about the enterprise plan.' },
    },
  },
];

export function findTemplate(id: string | null | undefined): WorkflowTemplate | undefined {
  if (!id) return undefined;
  return id === BLANK_TEMPLATE.id ? BLANK_TEMPLATE : WORKFLOW_TEMPLATES.find((template) => template.id === id);
}

/** True for example addresses a template left for the user to replace. */
export function isPlaceholderUrl(url: string): boolean {
  return /^https?:\/\/([a-z0-9-]+\.)*example\.(com|org|net)(?=[/:?#]|$)/i.test(url.trim());
}
