import type { AppDefinitionInput } from '../app-definition.schema';

/** Stripe API (https://docs.stripe.com/api): form-encoded bodies, Idempotency-Key honoured on every POST. */
export const stripeApp: AppDefinitionInput = {
  key: 'stripe',
  name: 'Stripe',
  description: 'Create customers and refunds in Stripe.',
  category: 'commerce',
  color: '#635bff',
  docsUrl: 'https://docs.stripe.com/api',
  auth: {
    kind: 'bearer',
    fields: [
      {
        name: 'secretKey',
        label: 'Secret key',
        secret: true,
        placeholder: 'sk_live_… or rk_live_…',
        help: 'Developers → API keys; a restricted key is enough.',
      },
    ],
    headers: { authorization: 'Bearer {{ connection.secretKey }}' },
  },
  baseUrl: 'https://api.stripe.com/v1',
  identity: { request: { method: 'GET', path: '/balance' }, account: "'Stripe (' & (body.livemode ? 'live' : 'test') & ' mode)'" },
  idempotencyHeader: 'Idempotency-Key',
  response: { error: "body.error.message & (body.error.param ? ' (' & body.error.param & ')' : '')" },
  actions: [
    {
      key: 'create-customer',
      label: 'Create a customer',
      description: 'Creates a customer with e-mail, name and metadata.',
      fields: [
        { name: 'email', label: 'E-mail', kind: 'text', required: true },
        { name: 'name', label: 'Name', kind: 'text' },
        { name: 'description', label: 'Description', kind: 'text' },
      ],
      calls: [
        {
          id: 'create',
          method: 'POST',
          path: '/customers',
          bodyType: 'form',
          body: "{ 'email': input.email, 'name': input.name, 'description': input.description }",
        },
      ],
    },
    {
      key: 'create-refund',
      label: 'Refund a payment',
      description: 'Refunds a payment intent, fully or in part (amount in the smallest currency unit).',
      fields: [
        { name: 'paymentIntent', label: 'Payment intent id', kind: 'text', required: true, placeholder: 'pi_…' },
        { name: 'amount', label: 'Amount (cents)', kind: 'number' },
        {
          name: 'reason',
          label: 'Reason',
          kind: 'choice',
          choices: [
            { label: 'Duplicate', value: 'duplicate' },
            { label: 'Fraudulent', value: 'fraudulent' },
            { label: 'Requested by customer', value: 'requested_by_customer' },
          ],
        },
      ],
      calls: [
        {
          id: 'refund',
          method: 'POST',
          path: '/refunds',
          bodyType: 'form',
          body: "{ 'payment_intent': input.paymentIntent, 'amount': input.amount, 'reason': input.reason }",
        },
      ],
    },
  ],
};
