/**
 * The signature schemes a webhook trigger can verify, in kebab-case. Each names a provider's preset
 * except `hmac` (a generic HMAC with its own settings), `header-token` and `basic`.
 */
export const TRIGGER_SCHEME_NAMES = [
  'standard-webhooks',
  'svix',
  'stripe',
  'github',
  'shopify',
  'slack',
  'typeform',
  'twilio',
  'zoom',
  'paddle',
  'linear',
  'discord',
  'hmac',
  'header-token',
  'basic',
] as const;
export type TriggerSchemeName = (typeof TRIGGER_SCHEME_NAMES)[number];

/** Default replay window on signed timestamps, in seconds (both directions). */
export const DEFAULT_TOLERANCE_SECONDS = 300;
/** Largest replay window a trigger may set, in seconds (one day). */
export const MAX_TOLERANCE_SECONDS = 86_400;
/** How many secrets a trigger keeps active at once (two, so a secret can be rotated). */
export const MAX_TRIGGER_SECRETS = 2;

/** One setting of a scheme, shown as a form field in the builder (besides the secrets). */
export interface TriggerSchemeSetting {
  /** Key in `trigger.verify`. */
  key: string;
  label: string;
  kind: 'text' | 'select';
  /** Choices of a `select`. */
  options?: ReadonlyArray<{ value: string; label: string }>;
  required: boolean;
  /** Value used when the setting is omitted. */
  default?: string;
  placeholder?: string;
  help: string;
}

/** Where a scheme finds the provider's delivery id used to deduplicate by default. */
export type DeliveryIdSource = { from: 'header'; name: string } | { from: 'body'; path: string };

/** A handshake the ingest path answers for this scheme without starting a run. */
export type TriggerHandshake = 'slack-url-verification' | 'slack-ssl-check' | 'zoom-url-validation' | 'discord-ping' | 'github-ping';

/** Everything the builder and the docs show about one scheme. */
export interface TriggerSchemeInfo {
  name: TriggerSchemeName;
  /** Provider or method name as shown on the trigger card. */
  label: string;
  /** What the secret is called by the provider ("Signing secret", "Public key"...). */
  secretLabel: string;
  /** A shape of the secret, as a placeholder for the input. */
  secretPlaceholder?: string;
  /** Where to find (or set) the secret in the provider's dashboard. */
  secretHelp: string;
  /** Whether the signature covers a timestamp, so `toleranceSeconds` applies. */
  timestamped: boolean;
  /** The scheme's settings besides `secrets` and `toleranceSeconds`. */
  settings: ReadonlyArray<TriggerSchemeSetting>;
  /** The delivery id used for `dedupe` when no `dedupe.key` expression is set. */
  deliveryId?: DeliveryIdSource;
  /** Handshakes answered for this scheme. */
  handshakes: ReadonlyArray<TriggerHandshake>;
  /** The provider's documentation of its signature. */
  docsUrl?: string;
}

const HMAC_ALGORITHMS = [
  { value: 'sha256', label: 'SHA-256' },
  { value: 'sha1', label: 'SHA-1' },
  { value: 'sha512', label: 'SHA-512' },
] as const;

const HMAC_ENCODINGS = [
  { value: 'hex', label: 'Hex' },
  { value: 'base64', label: 'Base64' },
] as const;

/**
 * The catalog of signature schemes, in the order the builder lists them. The builder reads labels,
 * settings and help text from here; the api reads the default delivery id and handshakes.
 */
export const TRIGGER_SCHEMES: ReadonlyArray<TriggerSchemeInfo> = [
  {
    name: 'standard-webhooks',
    label: 'Standard Webhooks',
    secretLabel: 'Signing secret',
    secretPlaceholder: 'whsec_…',
    secretHelp:
      'The sender shows the endpoint secret (it starts with whsec_) where the webhook endpoint is configured. Paste it whole, prefix included.',
    timestamped: true,
    settings: [],
    deliveryId: { from: 'header', name: 'webhook-id' },
    handshakes: [],
    docsUrl: 'https://www.standardwebhooks.com/',
  },
  {
    name: 'svix',
    label: 'Svix',
    secretLabel: 'Signing secret',
    secretPlaceholder: 'whsec_…',
    secretHelp:
      'In the app that sends through Svix (e.g. Clerk, Resend): Webhooks → your endpoint → Signing Secret (whsec_…). Paste it whole.',
    timestamped: true,
    settings: [],
    deliveryId: { from: 'header', name: 'svix-id' },
    handshakes: [],
    docsUrl: 'https://docs.svix.com/receiving/verifying-payloads/how-manual',
  },
  {
    name: 'stripe',
    label: 'Stripe',
    secretLabel: 'Signing secret',
    secretPlaceholder: 'whsec_…',
    secretHelp:
      'Stripe Dashboard → Developers → Webhooks → select the endpoint → Signing secret → Reveal (whsec_…). With the Stripe CLI, `stripe listen` prints it.',
    timestamped: true,
    settings: [],
    deliveryId: { from: 'body', path: 'id' },
    handshakes: [],
    docsUrl: 'https://docs.stripe.com/webhooks#verify-manually',
  },
  {
    name: 'github',
    label: 'GitHub',
    secretLabel: 'Webhook secret',
    secretHelp:
      'You choose it: repository (or organization) → Settings → Webhooks → Add webhook → Secret. Set the content type to application/json. GitHub never shows it again.',
    timestamped: false,
    settings: [],
    deliveryId: { from: 'header', name: 'x-github-delivery' },
    handshakes: ['github-ping'],
    docsUrl: 'https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries',
  },
  {
    name: 'shopify',
    label: 'Shopify',
    secretLabel: 'Client secret',
    secretHelp:
      'For an app: Partner Dashboard (or Dev Dashboard) → your app → Settings → Client secret. For a webhook made in the store admin: Settings → Notifications → Webhooks, the key shown under the list ("Your webhooks will be signed with…").',
    timestamped: false,
    settings: [],
    deliveryId: { from: 'header', name: 'x-shopify-webhook-id' },
    handshakes: [],
    docsUrl: 'https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-2-validate-the-origin-of-your-webhook',
  },
  {
    name: 'slack',
    label: 'Slack',
    secretLabel: 'Signing secret',
    secretHelp:
      'api.slack.com/apps → your app → Basic Information → App Credentials → Signing Secret → Show. (Not the verification token, which Slack has deprecated.)',
    timestamped: true,
    settings: [],
    deliveryId: { from: 'body', path: 'event_id' },
    handshakes: ['slack-url-verification', 'slack-ssl-check'],
    docsUrl: 'https://api.slack.com/authentication/verifying-requests-from-slack',
  },
  {
    name: 'typeform',
    label: 'Typeform',
    secretLabel: 'Webhook secret',
    secretHelp:
      'You choose it: your form → Connect → Webhooks → the webhook → Edit → Secret. (Or set `secret` when creating the webhook through the API.)',
    timestamped: false,
    settings: [],
    deliveryId: { from: 'body', path: 'event_id' },
    handshakes: [],
    docsUrl: 'https://www.typeform.com/developers/webhooks/secure-your-webhooks/',
  },
  {
    name: 'twilio',
    label: 'Twilio',
    secretLabel: 'Auth token',
    secretHelp:
      'Twilio Console → Account → API keys & tokens (or the Account Info panel on the console home) → Auth Token. Twilio signs with the primary auth token of the account that owns the number.',
    timestamped: false,
    settings: [
      {
        key: 'url',
        label: 'Public URL',
        kind: 'text',
        required: false,
        placeholder: 'https://hooks.example.com/hooks/…',
        help: 'Twilio signs the full URL it called. Set it when Switchyard sits behind a proxy that changes the scheme, host or path; by default the trigger URL (SWITCHYARD_PUBLIC_URL) is used.',
      },
    ],
    deliveryId: { from: 'header', name: 'i-twilio-idempotency-token' },
    handshakes: [],
    docsUrl: 'https://www.twilio.com/docs/usage/webhooks/webhooks-security',
  },
  {
    name: 'zoom',
    label: 'Zoom',
    secretLabel: 'Secret token',
    secretHelp:
      'Zoom App Marketplace → Manage → your app → Features → Access → Secret Token (webhook-only apps: Feature → Event Subscriptions). Zoom validates the URL with it before enabling events.',
    timestamped: true,
    settings: [],
    handshakes: ['zoom-url-validation'],
    docsUrl: 'https://developers.zoom.us/docs/api/webhooks/#verify-webhook-events',
  },
  {
    name: 'paddle',
    label: 'Paddle',
    secretLabel: 'Secret key',
    secretPlaceholder: 'pdl_ntfset_…',
    secretHelp:
      'Paddle dashboard → Developer Tools → Notifications → the notification destination → ⋯ → Edit destination → Secret key. (Paddle Billing; Paddle Classic signs differently.)',
    timestamped: true,
    settings: [],
    deliveryId: { from: 'body', path: 'event_id' },
    handshakes: [],
    docsUrl: 'https://developer.paddle.com/webhooks/signature-verification',
  },
  {
    name: 'linear',
    label: 'Linear',
    secretLabel: 'Signing secret',
    secretPlaceholder: 'lin_wh_…',
    secretHelp: 'Linear → Settings → API → Webhooks → your webhook → Signing secret (shown on the webhook page).',
    timestamped: true,
    settings: [],
    deliveryId: { from: 'header', name: 'linear-delivery' },
    handshakes: [],
    docsUrl: 'https://linear.app/developers/webhooks#securing-webhooks',
  },
  {
    name: 'discord',
    label: 'Discord (interactions)',
    secretLabel: 'Public key',
    secretHelp:
      'Discord Developer Portal → Applications → your app → General Information → Public Key (64 hex characters). Then paste the trigger URL as the Interactions Endpoint URL; Discord sends a PING that Switchyard answers.',
    timestamped: true,
    settings: [],
    deliveryId: { from: 'body', path: 'id' },
    handshakes: ['discord-ping'],
    docsUrl: 'https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint',
  },
  {
    name: 'hmac',
    label: 'Generic HMAC',
    secretLabel: 'Secret',
    secretHelp: 'The shared secret the sender signs with, as the sender documents it (used as UTF-8 text).',
    timestamped: false,
    settings: [
      {
        key: 'header',
        label: 'Signature header',
        kind: 'text',
        required: true,
        placeholder: 'X-Signature',
        help: 'The request header that carries the signature.',
      },
      {
        key: 'algorithm',
        label: 'Algorithm',
        kind: 'select',
        options: HMAC_ALGORITHMS,
        required: false,
        default: 'sha256',
        help: 'Hash function of the HMAC.',
      },
      {
        key: 'encoding',
        label: 'Encoding',
        kind: 'select',
        options: HMAC_ENCODINGS,
        required: false,
        default: 'hex',
        help: 'How the signature is written in the header.',
      },
      {
        key: 'prefix',
        label: 'Prefix',
        kind: 'text',
        required: false,
        placeholder: 'sha256=',
        help: 'Text before the signature in the header, e.g. `sha256=`.',
      },
      {
        key: 'timestampHeader',
        label: 'Timestamp header',
        kind: 'text',
        required: false,
        placeholder: 'X-Timestamp',
        help: 'A header with the Unix time (seconds or milliseconds) the sender signed; enables the replay window.',
      },
      {
        key: 'template',
        label: 'Signed text',
        kind: 'text',
        required: false,
        default: '{body}',
        placeholder: '{timestamp}.{body}',
        help: 'What the sender signs: `{body}` is the raw body and `{timestamp}` the timestamp header’s value. Default `{body}`.',
      },
      {
        key: 'deliveryIdHeader',
        label: 'Delivery id header',
        kind: 'text',
        required: false,
        placeholder: 'X-Delivery-Id',
        help: 'A header with a unique id per delivery, used to drop duplicates.',
      },
    ],
    handshakes: [],
  },
  {
    name: 'header-token',
    label: 'Header token',
    secretLabel: 'Token',
    secretHelp: 'A long random token you make up and give to the sender, which sends it in a header on every request.',
    timestamped: false,
    settings: [
      {
        key: 'header',
        label: 'Header',
        kind: 'text',
        required: false,
        default: 'Authorization',
        placeholder: 'Authorization',
        help: 'The header that carries the token. Default `Authorization`.',
      },
      {
        key: 'prefix',
        label: 'Prefix',
        kind: 'text',
        required: false,
        placeholder: 'Bearer ',
        help: 'Text before the token in the header, e.g. `Bearer ` (with its space).',
      },
    ],
    handshakes: [],
  },
  {
    name: 'basic',
    label: 'HTTP Basic',
    secretLabel: 'Password',
    secretHelp:
      'A password you make up; give the sender the user name and password (many tools take them in the URL as https://user:password@host/…).',
    timestamped: false,
    settings: [
      {
        key: 'username',
        label: 'User name',
        kind: 'text',
        required: true,
        placeholder: 'switchyard',
        help: 'The user name the sender must send.',
      },
    ],
    handshakes: [],
  },
];

/** The catalog entry of a scheme. */
export function getTriggerScheme(name: TriggerSchemeName): TriggerSchemeInfo {
  const info = TRIGGER_SCHEMES.find((scheme) => scheme.name === name);
  if (!info) throw new Error(`Unknown trigger scheme ${name}`);
  return info;
}
