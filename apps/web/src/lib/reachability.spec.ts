import { describe, expect, it } from 'vitest';
import { triggerReachability } from './reachability';

describe('triggerReachability', () => {
  it('flags loopback addresses and names', () => {
    for (const url of [
      'http://localhost:3000/hooks/a',
      'http://127.0.0.1/hooks/a',
      'http://[::1]:3000/x',
      'http://app.localhost/x',
      'http://0.0.0.0/',
    ]) {
      expect(triggerReachability({ url })?.kind, url).toBe('loopback');
    }
  });

  it('flags private ranges', () => {
    for (const url of [
      'http://10.0.0.5/x',
      'http://172.16.0.1/x',
      'http://172.31.255.1/x',
      'http://192.168.1.20:3000/x',
      'http://169.254.1.1/',
      'http://100.64.0.1/',
      'http://[fd00::1]/',
      'http://[fe80::1]/',
      'http://[::ffff:10.0.0.1]/',
    ]) {
      expect(triggerReachability({ url })?.kind, url).toBe('private');
    }
  });

  it('flags local names', () => {
    expect(triggerReachability({ url: 'http://switchyard.local:3000/hooks/a' })).toEqual({ kind: 'local-name', host: 'switchyard.local' });
    expect(triggerReachability({ url: 'http://nas/hooks/a' })?.kind).toBe('local-name');
    expect(triggerReachability({ url: 'http://hooks.corp.internal/x' })?.kind).toBe('local-name');
  });

  it('accepts public addresses and names', () => {
    for (const url of [
      'https://hooks.example.com/hooks/a',
      'http://93.184.216.34/',
      'http://172.32.0.1/',
      'https://[2001:db8::1]/',
      'not a url',
    ]) {
      expect(triggerReachability({ url }), url).toBeNull();
    }
  });
});
