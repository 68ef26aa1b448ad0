import type { AppDefinitionInput, AppFieldInput } from '../app-definition.schema';

const bucket = {
  name: 'bucket',
  label: 'Bucket',
  kind: 'dynamic-choice',
  required: true,
  options: {
    // ListBuckets; the XML answer is read as an object (one bucket is an object, several an array: [] makes it a list).
    request: { method: 'GET', path: '/' },
    items: "[body.ListAllMyBucketsResult.Buckets.Bucket.{ 'label': Name, 'value': Name }]",
  },
} satisfies AppFieldInput;

const key = {
  name: 'key',
  label: 'Object key',
  kind: 'text',
  required: true,
  placeholder: 'reports/2024/orders.csv',
} satisfies AppFieldInput;

/** `/<bucket>/<key>`, each segment of the key percent-encoded (path-style: AWS, MinIO, R2, Ceph...). */
const objectPath = "/{{ $encodeUrlComponent(input.bucket) }}/{{ $join($map($split(input.key, '/'), $encodeUrlComponent), '/') }}";

/**
 * Amazon S3 and S3-compatible storage (MinIO, Cloudflare R2, Backblaze B2, Ceph...): REST API
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/) signed with AWS Signature V4, path-style on
 * the connection's endpoint. Answers are XML.
 */
export const s3App: AppDefinitionInput = {
  key: 's3',
  name: 'S3-compatible storage',
  description: 'Put, get and list objects in Amazon S3 or any S3-compatible storage (MinIO, Cloudflare R2...).',
  category: 'storage',
  color: '#e25444',
  docsUrl: 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html',
  auth: {
    kind: 'aws-sigv4',
    fields: [
      { name: 'secretAccessKey', label: 'Secret access key', secret: true },
      { name: 'accessKeyId', label: 'Access key ID', placeholder: 'AKIA...' },
      {
        name: 'region',
        label: 'Region',
        required: false,
        placeholder: 'us-east-1',
        help: 'auto for Cloudflare R2; us-east-1 for MinIO unless set.',
      },
      {
        name: 'endpoint',
        label: 'Endpoint',
        required: false,
        placeholder: 'https://<account>.r2.cloudflarestorage.com',
        help: 'Empty for Amazon S3 (https://s3.<region>.amazonaws.com); your MinIO, R2 or other S3-compatible address otherwise.',
      },
      { name: 'sessionToken', label: 'Session token', secret: true, required: false, help: 'Only for temporary credentials.' },
    ],
    accessKeyId: '{{ connection.accessKeyId }}',
    secretAccessKey: '{{ connection.secretAccessKey }}',
    sessionToken: '{{ connection.sessionToken }}',
    region: "{{ connection.region ? connection.region : 'us-east-1' }}",
    service: 's3',
    uriEscapePath: false,
    guide:
      'Create an access key with access to the bucket (AWS IAM, MinIO console → Access Keys, R2 → Manage API tokens) and paste its ID and secret.',
  },
  baseUrl:
    "{{ connection.endpoint ? connection.endpoint : 'https://s3.' & (connection.region ? connection.region : 'us-east-1') & '.amazonaws.com' }}",
  identity: {
    request: { method: 'GET', path: '/' },
    account:
      "body.ListAllMyBucketsResult.Owner.DisplayName ? body.ListAllMyBucketsResult.Owner.DisplayName : $string($count(body.ListAllMyBucketsResult.Buckets.Bucket)) & ' buckets'",
  },
  response: {
    error: "body.Error.Code ? body.Error.Code & ': ' & body.Error.Message : undefined",
    unauthorized:
      "body.Error.Code in ['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'ExpiredToken', 'InvalidToken', 'TokenRefreshRequired']",
  },
  actions: [
    {
      key: 'put-object',
      label: 'Put an object',
      description: 'Uploads text as an object (PutObject), replacing an object of the same key.',
      fields: [
        bucket,
        key,
        { name: 'content', label: 'Content', kind: 'long-text', required: true },
        { name: 'contentType', label: 'Content type', kind: 'text', placeholder: 'text/csv', help: 'Default text/plain; charset=utf-8.' },
      ],
      calls: [
        {
          id: 'put',
          method: 'PUT',
          path: objectPath,
          headers: { 'content-type': '{{ input.contentType }}' },
          body: 'input.content',
          bodyType: 'text',
        },
      ],
      output:
        "{ 'bucket': input.bucket, 'key': input.key, 'etag': calls.put.headers.etag, 'versionId': $lookup(calls.put.headers, 'x-amz-version-id') }",
    },
    {
      key: 'get-object',
      label: 'Get an object',
      description: 'Downloads an object as text (GetObject); JSON objects are read as data.',
      fields: [bucket, key],
      calls: [{ id: 'get', method: 'GET', path: objectPath }],
      output:
        "{ 'content': calls.get.body, 'contentType': $lookup(calls.get.headers, 'content-type'), 'etag': calls.get.headers.etag, 'size': $number($lookup(calls.get.headers, 'content-length')), 'lastModified': $lookup(calls.get.headers, 'last-modified') }",
    },
    {
      key: 'list-objects',
      label: 'List objects',
      description: 'Lists the objects of a bucket under a prefix, one page of at most 1000 (ListObjectsV2).',
      fields: [
        bucket,
        { name: 'prefix', label: 'Prefix', kind: 'text', placeholder: 'reports/2024/' },
        { name: 'maxKeys', label: 'At most', kind: 'number', help: 'Default 1000.' },
        { name: 'continuationToken', label: 'Continuation token', kind: 'text', help: 'nextContinuationToken of the previous page.' },
      ],
      calls: [
        {
          id: 'list',
          method: 'GET',
          path: '/{{ $encodeUrlComponent(input.bucket) }}',
          query: {
            'list-type': '2',
            prefix: '{{ input.prefix }}',
            'max-keys': '{{ input.maxKeys }}',
            'continuation-token': '{{ input.continuationToken }}',
          },
        },
      ],
      output: `(
  $r := calls.list.body.ListBucketResult;
  {
    'objects': [$r.Contents.{ 'key': Key, 'size': $number(Size), 'lastModified': LastModified, 'etag': ETag }],
    'count': $number($r.KeyCount),
    'isTruncated': $r.IsTruncated = 'true',
    'nextContinuationToken': $r.NextContinuationToken
  }
)`,
    },
  ],
};
