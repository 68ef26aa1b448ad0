import { describe, expect, it } from 'vitest';
import { checkEgress } from './egress-check';

const resolveTo =
  (table: Record<string, string[]>) =>
  async (host: string): Promise<string[]> => {
    if (!(host in table)) throw new Error('ENOTFOUND');
    return table[host];
  };

describe('checkEgress', () => {
  const base = {
    environmentAllow: [],
    workspaceAllow: [],
    resolve: resolveTo({ 'chat.lan': ['10.1.2.3'], 'hooks.example': ['93.184.216.34'] }),
  };

  it('allows public addresses and refuses private ones by default, saying why', async () => {
    expect(await checkEgress({ ...base, url: 'https://hooks.example/x' })).toEqual({
      allowed: true,
      reason: null,
      host: 'hooks.example',
      addresses: ['93.184.216.34'],
      allowedBy: null,
    });
    const lan = await checkEgress({ ...base, url: 'http://chat.lan/hooks/abc' });
    expect(lan).toMatchObject({ allowed: false, host: 'chat.lan', addresses: ['10.1.2.3'] });
    expect(lan.reason).toContain('chat.lan resolves to 10.1.2.3 is a private address');
    expect((await checkEgress({ ...base, url: 'http://169.254.169.254/latest' })).reason).toContain('linkLocal');
  });

  it('opens a private range from the workspace or the environment, and names which one', async () => {
    expect(await checkEgress({ ...base, workspaceAllow: ['10.0.0.0/8'], url: 'http://chat.lan/' })).toMatchObject({
      allowed: true,
      allowedBy: 'workspace',
    });
    expect(await checkEgress({ ...base, environmentAllow: ['10.1.2.3'], url: 'http://chat.lan/' })).toMatchObject({
      allowed: true,
      allowedBy: 'environment',
    });
    expect(await checkEgress({ ...base, workspaceAllow: ['chat.lan'], url: 'http://chat.lan/' })).toMatchObject({
      allowed: true,
      allowedBy: 'workspace',
    });
    expect(await checkEgress({ ...base, workspaceAllow: ['*.lan'], url: 'http://chat.lan/' })).toMatchObject({ allowed: true });
    expect(await checkEgress({ ...base, workspaceAllow: ['fd00::/8'], url: 'http://[fd00::1]:8065/' })).toMatchObject({
      allowed: true,
      addresses: [],
    });
  });

  it('refuses what cannot be called', async () => {
    expect((await checkEgress({ ...base, url: 'ftp://chat.lan/' })).reason).toBe('Only http and https URLs can be called, not ftp:');
    expect((await checkEgress({ ...base, url: '{{ trigger.body.url }}' })).reason).toContain('is not a valid URL');
    expect((await checkEgress({ ...base, url: 'http://nowhere.invalid/' })).reason).toContain('could not be resolved');
  });
});
