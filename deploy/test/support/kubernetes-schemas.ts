import { createRequire } from 'node:module';

const requireModel = createRequire(__filename);

/** A Kubernetes object as rendered: apiVersion, kind, metadata and the rest. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

type Model = { prototype: { validate(this: unknown): void } } & (new (data: unknown) => object);

/**
 * The schema of each apiVersion and kind: the OpenAPI schemas of Kubernetes (`kubernetes-models`) and
 * the CRD schemas of KEDA (`@kubernetes-models/keda`), compiled to validators by those packages. A kind
 * missing here fails the test: every object is checked against a schema, no allowance.
 */
function modelFor(apiVersion: string, kind: string): Model {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const path =
    group === 'keda.sh'
      ? `@kubernetes-models/keda/keda.sh/${version}/${kind}`
      : group === ''
        ? `kubernetes-models/${version}/${kind}`
        : `kubernetes-models/${group}/${version}/${kind}`;
  let mod: Record<string, Model>;
  try {
    mod = requireModel(path) as Record<string, Model>;
  } catch {
    throw new Error(`no schema for ${apiVersion} ${kind} (looked for ${path})`);
  }
  const model = mod[kind];
  if (!model) throw new Error(`no schema for ${apiVersion} ${kind} in ${path}`);
  return model;
}

/**
 * Validates one object against its schema, strictly: besides types, required fields and formats, a
 * field the schema does not define is an error (a misspelt `readinessProbe` would otherwise pass,
 * as the Kubernetes schemas allow unknown fields, like kubeconform without -strict). The compiled
 * validators only read the fields their schema names, and enumerate only maps (labels, data...), so
 * a field they never touched is one the schema does not know.
 */
export function validateObject(rendered: KubeObject): string[] {
  const Model = modelFor(rendered.apiVersion, rendered.kind);
  const object = rendered.kind === 'Secret' ? unwrapSecretData(rendered) : rendered;
  const touched = new Set<string>();
  const enumerated = new Set<string>();
  const errors: string[] = [];
  try {
    Model.prototype.validate.call(track(new Model(object), '', touched, enumerated));
  } catch (err) {
    errors.push((err as Error).message);
  }
  for (const path of untouched(object, '', touched, enumerated)) errors.push(`${path}: unknown field`);
  return errors;
}

/**
 * kustomize wraps long base64 values of generated Secrets over several lines; the API server's
 * decoder skips the line breaks, the schema's `byte` format does not.
 */
function unwrapSecretData(secret: KubeObject): KubeObject {
  const data = secret.data as Record<string, string> | undefined;
  if (!data) return secret;
  return { ...secret, data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.replace(/\s+/g, '')])) };
}

function track(value: unknown, path: string, touched: Set<string>, enumerated: Set<string>): unknown {
  if (value === null || typeof value !== 'object') return value;
  return new Proxy(value, {
    get(target, key) {
      const child = Reflect.get(target, key);
      if (typeof key !== 'string') return child;
      touched.add(`${path}/${key}`);
      return track(child, `${path}/${key}`, touched, enumerated);
    },
    has(target, key) {
      if (typeof key === 'string') touched.add(`${path}/${key}`);
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      enumerated.add(path);
      return Reflect.ownKeys(target);
    },
  });
}

function untouched(value: unknown, path: string, touched: Set<string>, enumerated: Set<string>): string[] {
  if (value === null || typeof value !== 'object') return [];
  const out: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    const childPath = `${path}/${key}`;
    if (!Array.isArray(value) && !enumerated.has(path) && !touched.has(childPath)) out.push(childPath);
    out.push(...untouched(child, childPath, touched, enumerated));
  }
  return out;
}
