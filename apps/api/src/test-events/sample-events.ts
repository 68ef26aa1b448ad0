import { createHmac, randomUUID } from 'node:crypto';
import { standardWebhooksKey } from '../ingest/verification/standard-webhooks.verifier';

/** A provider-shaped event, ready to send: its body and the headers the provider sends with it (signature included). */
export interface TestEvent {
  /** What it is, in words: `GitHub push`. */
  label: string;
  headers: Record<string, string>;
  body: string;
}

type Builder = (params: { secret: string | null; now: number; id: string }) => TestEvent;

const hmac = (key: string | Buffer, data: string, encoding: 'hex' | 'base64') => createHmac('sha256', key).update(data).digest(encoding);
const json = (value: unknown) => JSON.stringify(value);

/** GitHub `push` (docs.github.com, webhook events and payloads → push), trimmed to the fields people map. */
const github: Builder = ({ secret, id }) => {
  const body = json({
    ref: 'refs/heads/main',
    before: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
    after: '59b20b8d5c6ff8d09518454d4dd8b7a30f095ab5',
    repository: {
      id: 1296269,
      name: 'shop',
      full_name: 'acme/shop',
      private: false,
      html_url: 'https://github.com/acme/shop',
      default_branch: 'main',
      owner: { login: 'acme', id: 1 },
    },
    pusher: { name: 'ada', email: 'ada@example.com' },
    sender: { login: 'ada', id: 583231, type: 'User' },
    created: false,
    deleted: false,
    forced: false,
    compare: 'https://github.com/acme/shop/compare/6113728f27ae...59b20b8d5c6f',
    commits: [
      {
        id: '0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c',
        message: 'Fix the checkout total',
        timestamp: '2026-05-01T10:12:00+02:00',
        url: 'https://github.com/acme/shop/commit/0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c',
        author: { name: 'Ada Lovelace', email: 'ada@example.com', username: 'ada' },
        added: [],
        removed: [],
        modified: ['src/checkout.ts'],
      },
      {
        id: '59b20b8d5c6ff8d09518454d4dd8b7a30f095ab5',
        message: 'Add a test for discounts',
        timestamp: '2026-05-01T10:14:00+02:00',
        url: 'https://github.com/acme/shop/commit/59b20b8d5c6ff8d09518454d4dd8b7a30f095ab5',
        author: { name: 'Ada Lovelace', email: 'ada@example.com', username: 'ada' },
        added: ['test/discounts.spec.ts'],
        removed: [],
        modified: [],
      },
    ],
    head_commit: { id: '59b20b8d5c6ff8d09518454d4dd8b7a30f095ab5', message: 'Add a test for discounts' },
  });
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'GitHub-Hookshot/switchyard-test',
    'x-github-event': 'push',
    'x-github-delivery': id,
    'x-github-hook-id': '292430182',
  };
  if (secret) headers['x-hub-signature-256'] = `sha256=${hmac(secret, body, 'hex')}`;
  return { label: 'GitHub push', headers, body };
};

/** Stripe `payment_intent.succeeded` (docs.stripe.com/api/events, the PaymentIntent object). */
const stripe: Builder = ({ secret, now, id }) => {
  const created = Math.floor(now / 1000);
  const body = json({
    id: `evt_test_${id.replace(/-/g, '').slice(0, 24)}`,
    object: 'event',
    api_version: '2024-06-20',
    created,
    type: 'payment_intent.succeeded',
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: {
      object: {
        id: 'pi_3MtwBwLkdIwHu7ix28a3tqPa',
        object: 'payment_intent',
        amount: 2000,
        amount_received: 2000,
        currency: 'usd',
        status: 'succeeded',
        created,
        customer: 'cus_NffrFeUfNV2Hib',
        description: 'Order #1042',
        receipt_email: 'ada@example.com',
        payment_method_types: ['card'],
        metadata: { order_id: '1042' },
      },
    },
  });
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
  };
  if (secret) headers['stripe-signature'] = `t=${created},v1=${hmac(secret, `${created}.${body}`, 'hex')}`;
  return { label: 'Stripe payment_intent.succeeded', headers, body };
};

/** Shopify `orders/create` (shopify.dev, webhook topics → orders/create), trimmed. */
const shopify: Builder = ({ secret, now, id }) => {
  const body = json({
    id: 820982911946154500,
    admin_graphql_api_id: 'gid://shopify/Order/820982911946154508',
    name: '#1042',
    order_number: 1042,
    email: 'ada@example.com',
    created_at: new Date(now).toISOString(),
    currency: 'USD',
    total_price: '59.00',
    subtotal_price: '54.00',
    total_tax: '5.00',
    financial_status: 'paid',
    customer: { id: 115310627314723950, email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace' },
    line_items: [
      { id: 866550311766439000, title: 'Linen shirt', quantity: 1, price: '39.00', sku: 'SHIRT-L' },
      { id: 141249953214522980, title: 'Canvas bag', quantity: 1, price: '15.00', sku: 'BAG-1' },
    ],
    shipping_address: { city: 'London', country_code: 'GB', zip: 'N1 9GU' },
  });
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-shopify-topic': 'orders/create',
    'x-shopify-shop-domain': 'acme-shop.myshopify.com',
    'x-shopify-api-version': '2024-07',
    'x-shopify-webhook-id': id,
    'x-shopify-event-id': id,
    'x-shopify-triggered-at': new Date(now).toISOString(),
  };
  if (secret) headers['x-shopify-hmac-sha256'] = hmac(secret, body, 'base64');
  return { label: 'Shopify orders/create', headers, body };
};

/** Slack Events API `event_callback` with a `message` event (api.slack.com/apis/events-api). */
const slack: Builder = ({ secret, now, id }) => {
  const ts = Math.floor(now / 1000);
  const body = json({
    token: 'verification-token-unused',
    team_id: 'T0001',
    api_app_id: 'A0001',
    type: 'event_callback',
    event_id: `Ev${id.replace(/-/g, '').slice(0, 10).toUpperCase()}`,
    event_time: ts,
    event: {
      type: 'message',
      channel: 'C2147483705',
      user: 'U2147483697',
      text: 'Hello from Slack!',
      ts: `${ts}.000200`,
      channel_type: 'channel',
    },
  });
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-slack-request-timestamp': String(ts) };
  if (secret) headers['x-slack-signature'] = `v0=${hmac(secret, `v0:${ts}:${body}`, 'hex')}`;
  return { label: 'Slack message event', headers, body };
};

/** Typeform `form_response` (typeform.com/developers/webhooks/example-payload), trimmed. */
const typeform: Builder = ({ secret, now, id }) => {
  const body = json({
    event_id: id,
    event_type: 'form_response',
    form_response: {
      form_id: 'lT4Z3j',
      token: 'a3a12ec67a1365927098a606107fac15',
      submitted_at: new Date(now).toISOString(),
      definition: { id: 'lT4Z3j', title: 'Contact us' },
      answers: [
        { type: 'text', text: 'Ada Lovelace', field: { id: 'name01', type: 'short_text', ref: 'name' } },
        { type: 'email', email: 'ada@example.com', field: { id: 'email01', type: 'email', ref: 'email' } },
        { type: 'choice', choice: { label: 'Sales' }, field: { id: 'topic01', type: 'multiple_choice', ref: 'topic' } },
      ],
    },
  });
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Typeform Webhooks' };
  if (secret) headers['typeform-signature'] = `sha256=${hmac(secret, body, 'base64')}`;
  return { label: 'Typeform response', headers, body };
};

/** A Standard Webhooks (standardwebhooks.com) event, as Svix-style senders deliver it. */
const standardWebhooks: Builder = ({ secret, now, id }) => {
  const ts = Math.floor(now / 1000);
  const msgId = `msg_${id.replace(/-/g, '')}`;
  const body = json({
    type: 'invoice.paid',
    timestamp: new Date(now).toISOString(),
    data: { id: 'inv_1042', amount: 5900, currency: 'USD', email: 'ada@example.com' },
  });
  const headers: Record<string, string> = { 'content-type': 'application/json', 'webhook-id': msgId, 'webhook-timestamp': String(ts) };
  if (secret) headers['webhook-signature'] = `v1,${hmac(standardWebhooksKey(secret), `${msgId}.${ts}.${body}`, 'base64')}`;
  return { label: 'Standard Webhooks invoice.paid', headers, body };
};

/** Without a signature scheme: a small JSON order. */
const plain: Builder = ({ now, id }) => ({
  label: 'JSON test event',
  headers: { 'content-type': 'application/json' },
  body: json({
    id,
    event: 'order.created',
    createdAt: new Date(now).toISOString(),
    order: { number: 1042, total: 59, currency: 'USD' },
    customer: { name: 'Ada Lovelace', email: 'ada@example.com' },
  }),
});

const BUILDERS: Record<string, Builder> = { github, stripe, shopify, slack, typeform, 'standard-webhooks': standardWebhooks };

/** The schemes with a provider-shaped test event; others get the plain JSON event. */
export const TEST_EVENT_SCHEMES = Object.keys(BUILDERS);

/**
 * A realistic event for a trigger's signature scheme, signed with `secret` the way the provider signs
 * (none: no signature scheme, or one whose events we do not imitate: a plain JSON event).
 */
export function buildTestEvent(params: { scheme: string | null; secret: string | null; now?: number; id?: string }): TestEvent {
  const builder = (params.scheme && BUILDERS[params.scheme]) || plain;
  return builder({ secret: params.secret, now: params.now ?? Date.now(), id: params.id ?? randomUUID() });
}
