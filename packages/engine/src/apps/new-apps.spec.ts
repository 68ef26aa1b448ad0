import { describe, expect, it } from 'vitest';
import { json, recordingHttp } from '../../test/support/fake-ports';
import { runStep } from '../../test/support/run-step';
import type { HttpResponse } from '../runner/ports';
import { findApp, findAppAction, findAppField } from './app-catalogue';
import { signAwsV4 } from './app-signing';
import { loadFieldOptions } from './load-field-options';

// Shopify, NocoDB and S3-compatible storage beyond their documented fixtures: live lists (with
// pagination where the app pages), a refused connection, a 429, validation that names the field,
// and the SigV4 signature against AWS's own worked example.

function connections(values: Record<string, string>) {
  const reported: string[] = [];
  return {
    reported,
    resolve: async (_id: string, app: string) => ({ app, values, secrets: Object.values(values) }),
    reportUnauthorized: async (id: string) => {
      reported.push(id);
    },
  };
}

const fieldOf = (appKey: string, actionKey: string, name: string) => {
  const app = findApp(appKey)!;
  return { app, field: findAppField(findAppAction(app, actionKey)!, name)! };
};

const xml = (status: number, body: string, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/xml', ...headers },
  body,
});

describe('AWS Signature V4', () => {
  it("gives the signature of AWS's worked example (GET Object with a Range, S3 docs: sig-v4-header-based-auth)", async () => {
    const headers = await signAwsV4({
      method: 'GET',
      url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      headers: { range: 'bytes=0-9' },
      credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
      region: 'us-east-1',
      service: 's3',
      uriEscapePath: false,
      now: Date.UTC(2013, 4, 24),
    });
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
    expect(headers['x-amz-content-sha256']).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(headers.host).toBeUndefined();
  });
});

describe('S3-compatible storage', () => {
  const keys = { secretAccessKey: 's3-secret-key-123', accessKeyId: 'AKIAFIXTURE', endpoint: 'http://127.0.0.1:9000' };

  it('the bucket list reads the XML of ListBuckets, one bucket or several', async () => {
    const one = await loadFieldOptions({
      ...fieldOf('s3', 'put-object', 'bucket'),
      input: {},
      connection: { app: 's3', values: keys, secrets: [keys.secretAccessKey] },
      ports: {
        http: recordingHttp(() =>
          xml(
            200,
            '<?xml version="1.0" encoding="UTF-8"?><ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>02d6176db174dc93cb1b899f7c6078f08654445fe8cf1b6ce98d8855f66bdbf4</ID><DisplayName>minio</DisplayName></Owner><Buckets><Bucket><Name>reports</Name><CreationDate>2024-01-01T00:00:00.000Z</CreationDate></Bucket></Buckets></ListAllMyBucketsResult>',
          ),
        ),
      },
      evaluate: {},
    });
    expect(one.items).toEqual([{ label: 'reports', value: 'reports' }]);
    const http = recordingHttp(() =>
      xml(
        200,
        '<ListAllMyBucketsResult><Buckets><Bucket><Name>a</Name></Bucket><Bucket><Name>b</Name></Bucket></Buckets></ListAllMyBucketsResult>',
      ),
    );
    const two = await loadFieldOptions({
      ...fieldOf('s3', 'put-object', 'bucket'),
      input: {},
      connection: { app: 's3', values: keys, secrets: [keys.secretAccessKey] },
      ports: { http },
      evaluate: {},
    });
    expect(two.items.map((i) => i.value)).toEqual(['a', 'b']);
    expect(http.requests[0].url).toBe('http://127.0.0.1:9000/');
    expect(http.requests[0].headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIAFIXTURE\/\d{8}\/us-east-1\/s3\/aws4_request/);
  });

  it("a refused key (403 InvalidAccessKeyId) needs reconnecting; 503 SlowDown is retried; NoSuchKey is S3's word", async () => {
    const step = { id: 's', type: 'app', app: 's3', action: 'get-object', connectionId: 'c1', input: { bucket: 'b', key: 'k' } };
    const ports = connections(keys);
    const refused = await runStep(step, {
      ports: {
        http: recordingHttp(() =>
          xml(
            403,
            '<?xml version="1.0" encoding="UTF-8"?><Error><Code>InvalidAccessKeyId</Code><Message>The AWS Access Key Id you provided does not exist in our records.</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>',
          ),
        ),
        connections: ports,
      },
    });
    expect(refused.result.error).toMatchObject({ code: 'CONNECTION_NEEDS_RECONNECTING', field: 'connectionId' });
    expect(refused.result.error?.message).toContain('InvalidAccessKeyId: The AWS Access Key Id you provided does not exist');
    expect(ports.reported).toEqual(['c1']);
    const slow = await runStep(step, {
      ports: {
        http: recordingHttp(() =>
          xml(503, '<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>', { 'retry-after': '3' }),
        ),
        connections: connections(keys),
      },
    });
    expect(slow.result.error).toMatchObject({ code: 'HTTP_STATUS', retryable: true, details: { status: 503, retryAfterMs: 3000 } });
    const missing = await runStep(step, {
      ports: {
        http: recordingHttp(() =>
          xml(404, '<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>k</Key></Error>'),
        ),
        connections: connections(keys),
      },
    });
    expect(missing.result.error).toMatchObject({ code: 'HTTP_STATUS', retryable: false });
    expect(missing.result.error?.message).toContain('NoSuchKey: The specified key does not exist.');
  });

  it('validation names the field; the secret key never reaches the record', async () => {
    const http = recordingHttp(() => ({ status: 200, headers: { etag: '"e"' }, body: '' }));
    const noKey = await runStep(
      {
        id: 's',
        type: 'app',
        app: 's3',
        action: 'put-object',
        connectionId: 'c1',
        input: { bucket: 'b', key: '{{ trigger.body.nothing }}', content: 'x' },
      },
      { ports: { http, connections: connections(keys) } },
    );
    expect(noKey.result.error).toMatchObject({ code: 'INVALID_INPUT', field: 'input.key' });
    const put = await runStep(
      { id: 's', type: 'app', app: 's3', action: 'put-object', connectionId: 'c1', input: { bucket: 'b', key: 'a/b', content: 'x' } },
      { ports: { http, connections: connections(keys) } },
    );
    expect(put.result.error).toBeUndefined();
    expect(http.requests[0].headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(JSON.stringify(put.result)).not.toContain(keys.secretAccessKey);
  });
});

describe('Shopify', () => {
  const shop = { accessToken: 'shpat_secret_1', shop: 'jsmith-shop' };

  it('the order list follows the Link header page_info (and then sends only limit and fields)', async () => {
    const answers: HttpResponse[] = [
      {
        status: 200,
        headers: {
          'content-type': 'application/json',
          link: '<https://jsmith-shop.myshopify.com/admin/api/2025-01/orders.json?limit=50&fields=id%2Cname%2Cemail&page_info=eyJsYXN0X2lkIjo0NTA3ODk0Njl9>; rel="next"',
        },
        body: JSON.stringify({ orders: [{ id: 450789470, name: '#1002', email: 'ann@example.com' }] }),
      },
      {
        status: 200,
        headers: {
          'content-type': 'application/json',
          link: '<https://jsmith-shop.myshopify.com/admin/api/2025-01/orders.json?limit=50&page_info=abc>; rel="previous"',
        },
        body: JSON.stringify({ orders: [{ id: 450789469, name: '#1001', email: null }] }),
      },
    ];
    const http = recordingHttp((_r, i) => answers[i]);
    const result = await loadFieldOptions({
      ...fieldOf('shopify', 'get-order', 'orderId'),
      input: {},
      connection: { app: 'shopify', values: shop, secrets: [shop.accessToken] },
      ports: { http },
      evaluate: {},
    });
    expect(result.items).toEqual([
      { label: '#1002 (ann@example.com)', value: '450789470' },
      { label: '#1001', value: '450789469' },
    ]);
    const first = new URL(http.requests[0].url);
    expect(first.searchParams.get('status')).toBe('any');
    const second = new URL(http.requests[1].url);
    expect(second.searchParams.get('page_info')).toBe('eyJsYXN0X2lkIjo0NTA3ODk0Njl9');
    expect(second.searchParams.has('status')).toBe(false);
    expect(http.requests[0].headers['x-shopify-access-token']).toBe('shpat_secret_1');
  });

  it('401 needs reconnecting; 429 waits the Retry-After; 422 names the field Shopify refused', async () => {
    const step = { id: 's', type: 'app', app: 'shopify', action: 'create-customer', connectionId: 'c1', input: { email: 'a@example.com' } };
    const ports = connections(shop);
    const refused = await runStep(step, {
      ports: {
        http: recordingHttp(() => json(401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' })),
        connections: ports,
      },
    });
    expect(refused.result.error).toMatchObject({ code: 'CONNECTION_NEEDS_RECONNECTING' });
    expect(refused.result.error?.message).toContain('Invalid API key or access token');
    expect(ports.reported).toEqual(['c1']);
    const limited = await runStep(step, {
      ports: {
        http: recordingHttp(() => ({
          status: 429,
          headers: { 'content-type': 'application/json', 'retry-after': '2.0' },
          body: '{"errors":"Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service."}',
        })),
        connections: connections(shop),
      },
    });
    expect(limited.result.error).toMatchObject({ code: 'HTTP_STATUS', retryable: true, details: { status: 429, retryAfterMs: 2000 } });
    const taken = await runStep(step, {
      ports: {
        http: recordingHttp(() => json(422, { errors: { email: ['has already been taken'], phone: ['is invalid'] } })),
        connections: connections(shop),
      },
    });
    expect(taken.result.error?.message).toContain('email has already been taken; phone is invalid');
  });

  it('validation names the field; the store may be given with its .myshopify.com', async () => {
    const http = recordingHttp(() => json(200, { order: { id: 1, name: '#1', note: 'n' } }));
    const bad = await runStep(
      {
        id: 's',
        type: 'app',
        app: 'shopify',
        action: 'set-order-note',
        connectionId: 'c1',
        input: { orderId: '1', note: '{{ trigger.body.nothing }}' },
      },
      { ports: { http, connections: connections(shop) } },
    );
    expect(bad.result.error).toMatchObject({ code: 'INVALID_INPUT', field: 'input.note' });
    const good = await runStep(
      { id: 's', type: 'app', app: 'shopify', action: 'get-order', connectionId: 'c1', input: { orderId: '1' } },
      { ports: { http, connections: connections({ ...shop, shop: ' jsmith-shop.myshopify.com/ ' }) } },
    );
    expect(good.result.error).toBeUndefined();
    expect(http.requests[0].url).toBe('https://jsmith-shop.myshopify.com/admin/api/2025-01/orders/1.json');
  });
});

describe('NocoDB', () => {
  const token = { token: 'nc_pat_secret_1', serverUrl: 'http://127.0.0.1:8080' };

  it('bases, then the tables of the chosen base (refused without it), with the xc-token header', async () => {
    const connection = { app: 'nocodb', values: token, secrets: [token.token] };
    const bases = recordingHttp(() =>
      json(200, {
        list: [{ id: 'p8a2kx9q1l3m7zv', title: 'Shop' }],
        pageInfo: { totalRows: 1, page: 1, pageSize: 25, isFirstPage: true, isLastPage: true },
      }),
    );
    expect(
      (
        await loadFieldOptions({
          ...fieldOf('nocodb', 'create-record', 'baseId'),
          input: {},
          connection,
          ports: { http: bases },
          evaluate: {},
        })
      ).items,
    ).toEqual([{ label: 'Shop', value: 'p8a2kx9q1l3m7zv' }]);
    expect(bases.requests[0].url).toBe('http://127.0.0.1:8080/api/v2/meta/bases/');
    expect(bases.requests[0].headers['xc-token']).toBe('nc_pat_secret_1');
    expect(bases.requests[0].headers.authorization).toBeUndefined();
    await expect(
      loadFieldOptions({
        ...fieldOf('nocodb', 'create-record', 'tableId'),
        input: {},
        connection,
        ports: { http: recordingHttp() },
        evaluate: {},
      }),
    ).rejects.toMatchObject({ info: { field: 'input.baseId' } });
    const tables = recordingHttp(() =>
      json(200, {
        list: [
          { id: 'm2hn1gvq0x7d3ke', title: 'Orders', table_name: 'nc_orders' },
          { id: 'm9xk2b7c4q1p0ws', title: 'Customers', table_name: 'nc_customers' },
        ],
      }),
    );
    const result = await loadFieldOptions({
      ...fieldOf('nocodb', 'create-record', 'tableId'),
      input: { baseId: 'p8a2kx9q1l3m7zv' },
      connection,
      ports: { http: tables },
      evaluate: {},
    });
    expect(result.items).toEqual([
      { label: 'Orders', value: 'm2hn1gvq0x7d3ke' },
      { label: 'Customers', value: 'm9xk2b7c4q1p0ws' },
    ]);
    expect(tables.requests[0].url).toBe('http://127.0.0.1:8080/api/v2/meta/bases/p8a2kx9q1l3m7zv/tables');
  });

  it("401 needs reconnecting with NocoDB's message; 429 is retried; the record id must be a number", async () => {
    const step = {
      id: 'n',
      type: 'app',
      app: 'nocodb',
      action: 'get-record',
      connectionId: 'c1',
      input: { baseId: 'p', tableId: 'm', recordId: '12' },
    };
    const ports = connections(token);
    const refused = await runStep(step, {
      ports: { http: recordingHttp(() => json(401, { msg: 'Authentication required - Invalid token' })), connections: ports },
    });
    expect(refused.result.error).toMatchObject({ code: 'CONNECTION_NEEDS_RECONNECTING' });
    expect(refused.result.error?.message).toContain('Authentication required - Invalid token');
    expect(ports.reported).toEqual(['c1']);
    const limited = await runStep(step, {
      ports: {
        http: recordingHttp(() => ({
          status: 429,
          headers: { 'content-type': 'application/json', 'retry-after': '1' },
          body: '{"msg":"Too many requests"}',
        })),
        connections: connections(token),
      },
    });
    expect(limited.result.error).toMatchObject({ code: 'HTTP_STATUS', retryable: true, details: { status: 429, retryAfterMs: 1000 } });
    const nan = await runStep(
      { ...step, input: { baseId: 'p', tableId: 'm', recordId: 'twelve' } },
      {
        ports: { http: recordingHttp(), connections: connections(token) },
      },
    );
    expect(nan.result.error).toMatchObject({ field: 'input.recordId', message: 'input.recordId: must be a number, got "twelve"' });
  });
});
