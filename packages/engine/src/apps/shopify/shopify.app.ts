import type { AppDefinitionInput, AppFieldInput } from '../app-definition.schema';

/** Recent orders, newest first; Shopify pages with the Link header's `page_info` (then only limit and fields may be sent). */
const order = {
  name: 'orderId',
  label: 'Order',
  kind: 'dynamic-choice',
  required: true,
  help: 'The order ID (a number), e.g. from the orders/create webhook: trigger.body.id.',
  options: {
    request: {
      method: 'GET',
      path: '/orders.json',
      query: { limit: '50', fields: 'id,name,email', status: "{{ page ? '' : 'any' }}", page_info: '{{ page }}' },
    },
    items: "body.orders.{ 'label': name & (email ? ' (' & email & ')' : ''), 'value': $string(id) }",
    nextPage: '$match(headers.link, /[?&]page_info=([^&>]+)[^>]*>; rel="next"/).groups[0]',
  },
} satisfies AppFieldInput;

/**
 * Shopify Admin REST API (https://shopify.dev/docs/api/admin-rest) with the Admin API access token
 * of a custom app (`X-Shopify-Access-Token`), on the store's own host.
 */
export const shopifyApp: AppDefinitionInput = {
  key: 'shopify',
  name: 'Shopify',
  description: 'Read orders, write order notes and create or find customers in a Shopify store.',
  category: 'commerce',
  color: '#5e8e3e',
  docsUrl: 'https://shopify.dev/docs/api/admin-rest/2025-01/resources/order',
  auth: {
    kind: 'api-key',
    fields: [
      {
        name: 'accessToken',
        label: 'Admin API access token',
        secret: true,
        placeholder: 'shpat_...',
        help: 'Settings → Apps and sales channels → Develop apps → your app → API credentials (scopes: read/write orders, customers).',
      },
      { name: 'shop', label: 'Store', placeholder: 'your-store', help: 'The your-store of your-store.myshopify.com.' },
    ],
    headers: { 'x-shopify-access-token': '{{ connection.accessToken }}' },
    guide:
      'Create a custom app in the Shopify admin (Develop apps), give it the Admin API scopes read_orders, write_orders, read_customers and write_customers, install it and paste its Admin API access token.',
  },
  // `your-store` or `your-store.myshopify.com`, on *.myshopify.com either way.
  baseUrl: "https://{{ $replace($trim(connection.shop), /(\\.myshopify\\.com)?\\/*$/, '') }}.myshopify.com/admin/api/2025-01",
  identity: { request: { method: 'GET', path: '/shop.json' }, account: "body.shop.name & ' (' & body.shop.myshopify_domain & ')'" },
  response: {
    // { errors: 'Not Found' } or { errors: { email: ['has already been taken'] } }
    error: "$type(body.errors) = 'string' ? body.errors : $join($each(body.errors, function($v, $k) { $k & ' ' & $join($v, ', ') }), '; ')",
  },
  actions: [
    {
      key: 'get-order',
      label: 'Get an order',
      description: 'Returns an order with its line items, customer and addresses.',
      fields: [order],
      calls: [{ id: 'get', method: 'GET', path: '/orders/{{ input.orderId }}.json' }],
      output: 'calls.get.body.order',
    },
    {
      key: 'set-order-note',
      label: 'Set the order note',
      description: 'Replaces the note of an order (shown in the admin), optionally adding tags.',
      fields: [
        order,
        { name: 'note', label: 'Note', kind: 'long-text', required: true },
        { name: 'tags', label: 'Tags', kind: 'text', help: 'Comma-separated; replaces the order tags when given.' },
      ],
      calls: [
        {
          id: 'update',
          method: 'PUT',
          path: '/orders/{{ input.orderId }}.json',
          body: "{ 'order': { 'id': $number(input.orderId), 'note': input.note, 'tags': input.tags } }",
        },
      ],
      output: "{ 'id': calls.update.body.order.id, 'name': calls.update.body.order.name, 'note': calls.update.body.order.note }",
    },
    {
      key: 'create-customer',
      label: 'Create a customer',
      description: 'Creates a customer (an e-mail or a phone number is needed; an e-mail already taken is refused).',
      fields: [
        { name: 'email', label: 'E-mail', kind: 'text' },
        { name: 'firstName', label: 'First name', kind: 'text' },
        { name: 'lastName', label: 'Last name', kind: 'text' },
        { name: 'phone', label: 'Phone', kind: 'text', help: 'E.164, e.g. +15142546011.' },
        { name: 'tags', label: 'Tags', kind: 'text', help: 'Comma-separated.' },
        { name: 'note', label: 'Note', kind: 'long-text' },
        { name: 'verifiedEmail', label: 'E-mail verified', kind: 'boolean' },
      ],
      calls: [
        {
          id: 'create',
          method: 'POST',
          path: '/customers.json',
          body: "{ 'customer': { 'email': input.email, 'first_name': input.firstName, 'last_name': input.lastName, 'phone': input.phone, 'tags': input.tags, 'note': input.note, 'verified_email': input.verifiedEmail } }",
        },
      ],
      output: 'calls.create.body.customer',
    },
    {
      key: 'find-customer',
      label: 'Find customers',
      description: 'Searches customers (e.g. email:ann@example.com) and returns the matches, at most 50.',
      fields: [{ name: 'query', label: 'Search', kind: 'text', required: true, placeholder: 'email:ann@example.com' }],
      calls: [{ id: 'search', method: 'GET', path: '/customers/search.json', query: { query: '{{ input.query }}', limit: '50' } }],
      output: "{ 'customers': [calls.search.body.customers], 'first': calls.search.body.customers[0] }",
    },
  ],
};
