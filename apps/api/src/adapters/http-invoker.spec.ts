import { describe, expect, it } from 'vitest';
import { EgressGuard } from './egress-guard';
import { GuardedHttpInvoker } from './http-invoker';

// A fake resolver stands in for DNS: the guard's decision is tested without opening a connection.
describe('GuardedHttpInvoker', () => {
  it('refuses IP literals in private ranges before connecting', async () => {
    const invoker = new GuardedHttpInvoker(new EgressGuard([]), async () => []);
    await expect(
      invoker.send({ method: 'GET', url: 'http://169.254.169.254/latest/meta-data', headers: {}, timeoutMs: 1000 }),
    ).rejects.toMatchObject({
      code: 'EGRESS_BLOCKED',
      retryable: false,
    });
    await expect(invoker.send({ method: 'GET', url: 'http://[::ffff:10.0.0.1]/', headers: {}, timeoutMs: 1000 })).rejects.toMatchObject({
      code: 'EGRESS_BLOCKED',
    });
    await invoker.close();
  });

  it('refuses a name that resolves to a private address', async () => {
    const invoker = new GuardedHttpInvoker(new EgressGuard([]), async () => [{ address: '10.0.0.7', family: 4 }]);
    await expect(invoker.send({ method: 'GET', url: 'http://internal.example.com/', headers: {}, timeoutMs: 1000 })).rejects.toMatchObject({
      code: 'EGRESS_BLOCKED',
      message: expect.stringContaining('internal.example.com resolves to 10.0.0.7'),
    });
    await invoker.close();
  });

  it('refuses non-http schemes and malformed URLs', () => {
    const invoker = new GuardedHttpInvoker(new EgressGuard([]));
    expect(() => invoker.checkUrl('file:///etc/passwd')).toThrow(/Only http and https/);
    expect(() => invoker.checkUrl('not a url')).toThrow(/not a valid URL/);
  });
});
