/**
 * The headers that authenticate a request with a credential whose headers need no network call
 * (bearer, basic, api-key); `{}` for the other types. OAuth2 client credentials are in
 * oauth2-token-cache.ts.
 */
export function staticCredentialHeaders(type: string, fields: Record<string, string>): Record<string, string> {
  switch (type) {
    case 'bearer':
      return { authorization: `Bearer ${fields.token}` };
    case 'basic':
      return { authorization: `Basic ${Buffer.from(`${fields.username}:${fields.password}`, 'utf8').toString('base64')}` };
    case 'api-key':
      return { [fields.header.toLowerCase()]: fields.value };
    default:
      return {};
  }
}
