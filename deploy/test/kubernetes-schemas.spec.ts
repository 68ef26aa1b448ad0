import { describe, expect, it } from 'vitest';
import { type KubeObject, validateObject } from './support/kubernetes-schemas';

const deployment = (spec: Record<string, unknown> = {}, container: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'x', labels: { any: 'label' } },
  spec: {
    selector: { matchLabels: { a: 'b' } },
    template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'i', ...container }] } },
    ...spec,
  },
});

// The checker the manifest tests rely on: it must fail on the mistakes they are there to catch.
describe('validateObject', () => {
  it('passes a valid object, maps (labels) included', () => {
    expect(validateObject(deployment())).toEqual([]);
  });

  it('reports wrong types and unknown fields, at any depth', () => {
    expect(validateObject(deployment({ replicas: 'two' }))).toEqual([expect.stringContaining('replicas must be integer')]);
    expect(validateObject(deployment({ replica: 2 }, { readynessProbe: {} }))).toEqual([
      '/spec/template/spec/containers/0/readynessProbe: unknown field',
      '/spec/replica: unknown field',
    ]);
  });

  it('checks KEDA ScaledObjects against their CRD schema', () => {
    const scaled = (spec: Record<string, unknown>): KubeObject => ({
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledObject',
      metadata: { name: 's' },
      spec,
    });
    expect(validateObject(scaled({ scaleTargetRef: { name: 'w' }, triggers: [{ type: 'prometheus', metadata: { query: 'q' } }] }))).toEqual(
      [],
    );
    expect(validateObject(scaled({ scaleTargetRef: { name: 'w' } }))).toEqual([
      expect.stringContaining('must have required property triggers'),
    ]);
    expect(validateObject(scaled({ scaleTargetRef: { name: 'w' }, triggers: [], maxReplicas: 3 }))).toEqual([
      '/spec/maxReplicas: unknown field',
    ]);
  });

  it('refuses a kind it has no schema for', () => {
    expect(() => validateObject({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } })).toThrow(
      /no schema for example.com\/v1 Widget/,
    );
  });
});
