import { readFileSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appSettings, dockerfileFacts, healthRoutes, ROOT, RUNTIME_SETTINGS, sourceOfBuiltScript } from './support/app-facts';
import { type KubeObject, validateObject } from './support/kubernetes-schemas';
import { kubectlVersion, OVERLAYS, renderOverlay } from './support/kustomize';

interface Container {
  name: string;
  image: string;
  args?: string[];
  ports?: Array<{ name?: string; containerPort: number }>;
  env?: Array<{ name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean } } }>;
  envFrom?: Array<{ configMapRef?: { name: string }; secretRef?: { name: string } }>;
  startupProbe?: Probe;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean };
  volumeMounts?: Array<{ name: string; mountPath: string }>;
}
interface Probe {
  httpGet?: { path: string; port: string | number };
}
interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  securityContext?: { runAsUser?: number; runAsNonRoot?: boolean };
  terminationGracePeriodSeconds?: number;
}
interface Deployment extends KubeObject {
  spec: {
    replicas?: number;
    selector: { matchLabels: Record<string, string> };
    template: { metadata: { labels: Record<string, string>; annotations?: Record<string, string> }; spec: PodSpec };
  };
}

const SWITCHYARD_IMAGE = /^switchyard(:|$)/;
/** Every metric name the manifests may query: listed in docs/operations.md for the metrics work to export. */
const AUTOSCALING_METRICS = ['switchyard_queue_depth', 'switchyard_queue_oldest_age_seconds'];
const operationsDoc = readFileSync(join(ROOT, 'docs/operations.md'), 'utf8');

const kubectl = kubectlVersion();
if (!kubectl) {
  console.warn(
    process.env.CI === 'true'
      ? 'kubectl is missing on CI: the Kubernetes manifests cannot be rendered'
      : 'Skipping the Kubernetes manifest checks: kubectl is not installed (it renders kustomize without a cluster; CI requires it)',
  );
}

describe('kubectl', () => {
  it.runIf(process.env.CI === 'true')('is installed on CI, where the manifests must be rendered', () => {
    expect(kubectl, 'install kubectl (Debian: apt-get install kubectl, or the kubernetes-client package)').not.toBeNull();
  });
});

describe.skipIf(!kubectl).each(OVERLAYS)('deploy/kubernetes/overlays/%s', (overlay) => {
  const objects = kubectl ? renderOverlay(overlay) : [];
  const settings = appSettings();
  const image = dockerfileFacts();
  const of = <T extends KubeObject>(kind: string) => objects.filter((o) => o.kind === kind) as T[];
  const deployments = of<Deployment>('Deployment').filter((d) =>
    d.spec.template.spec.containers.some((c) => SWITCHYARD_IMAGE.test(c.image)),
  );
  const configMaps = of<KubeObject & { data?: Record<string, string> }>('ConfigMap');
  const secrets = of<KubeObject & { data?: Record<string, string> }>('Secret');
  const byName = (name: string) => deployments.find((d) => d.metadata.name === name);
  const allContainers = (d: Deployment) => [...(d.spec.template.spec.initContainers ?? []), ...d.spec.template.spec.containers];
  const configOf = (c: Container) => {
    const data: Record<string, string> = {};
    for (const ref of c.envFrom ?? []) {
      const map = configMaps.find((m) => m.metadata.name === ref.configMapRef?.name);
      expect(map, `ConfigMap ${ref.configMapRef?.name} is rendered`).toBeDefined();
      Object.assign(data, map!.data);
    }
    return data;
  };

  it('renders an api and a worker Deployment of the Switchyard image', () => {
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(['switchyard-api', 'switchyard-worker']);
  });

  it('has only objects that validate against the Kubernetes (and KEDA) schemas, with no unknown field', () => {
    const problems = objects.flatMap((o) => validateObject(o).map((e) => `${o.kind}/${o.metadata.name}: ${e}`));
    expect(problems).toEqual([]);
  });

  it('passes only settings the app knows, from its ConfigMap and the Secret', () => {
    for (const d of deployments) {
      for (const c of allContainers(d)) {
        const names = [...(c.env ?? []).map((e) => e.name), ...Object.keys(configOf(c))];
        const unknown = names.filter((n) => !settings.has(n) && !RUNTIME_SETTINGS.has(n));
        expect(unknown, `${d.metadata.name}/${c.name}`).toEqual([]);
        for (const e of c.env ?? []) {
          const ref = e.valueFrom?.secretKeyRef;
          if (!ref) continue;
          // switchyard-secrets, with the hash suffix kustomize gives a generated one (dev).
          expect(ref.name).toMatch(/^switchyard-secrets(-[a-z0-9]+)?$/);
          // The Secret is rendered (dev) or created by the operator as docs/operations.md says.
          const secret = secrets.find((s) => s.metadata.name === ref.name);
          if (secret) expect(ref.optional || Object.keys(secret.data ?? {}).includes(ref.key), `${ref.key} in the Secret`).toBe(true);
          else expect(operationsDoc, `docs/operations.md tells to put ${ref.key} in switchyard-secrets`).toContain(ref.key);
        }
      }
    }
    if (secrets.length === 0) expect(operationsDoc).toContain('kubectl -n switchyard create secret generic switchyard-secrets');
  });

  it("matches the Dockerfile: its user, port, working directory and built entry points, in each pod's role", () => {
    expect(image.exposed).toHaveLength(1);
    for (const d of deployments) {
      const pod = d.spec.template.spec;
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: image.uid });
      expect(image.uid).not.toBe(0);
      for (const c of allContainers(d)) {
        expect(c.args?.[0], `${d.metadata.name}/${c.name} runs the image's node`).toBe(image.cmd[0]);
        const script = c.args![1];
        expect(existsSync(sourceOfBuiltScript(script)), `${script} is built from ${sourceOfBuiltScript(script)}`).toBe(true);
        expect(c.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
        expect(
          c.resources?.requests?.cpu && c.resources.requests.memory && c.resources.limits?.memory,
          `${c.name} has requests and limits`,
        ).toBeTruthy();
      }
      const main = pod.containers.find((c) => SWITCHYARD_IMAGE.test(c.image))!;
      expect(main.args![1]).toBe(image.cmd[1]);
      const role = d.metadata.name.replace('switchyard-', '');
      expect(main.args).toContain(`--role=${role}`);
      expect(main.volumeMounts?.map((m) => m.mountPath)).toContain('/tmp');
      const config = { ...image.env, ...configOf(main) };
      expect(config.HOST).toBe('0.0.0.0');
      expect(Number(config.PORT)).toBe(image.exposed[0]);
      // Every role serves GET /metrics on SWITCHYARD_METRICS_PORT, named for the Service and the scrape annotations.
      const metricsPort = Number(config.SWITCHYARD_METRICS_PORT);
      expect(metricsPort, 'SWITCHYARD_METRICS_PORT is set').toBeGreaterThan(0);
      expect(metricsPort).not.toBe(Number(config.PORT));
      const metricsEntry = { name: 'metrics', containerPort: metricsPort };
      if (role === 'api') expect(main.ports).toEqual([{ name: 'http', containerPort: image.exposed[0] }, metricsEntry]);
      else expect(main.ports).toEqual([metricsEntry]);
      expect(d.spec.template.metadata.annotations?.['prometheus.io/port']).toBe(String(metricsPort));
      const shutdownSeconds = Number(config.SWITCHYARD_SHUTDOWN_TIMEOUT_MS ?? 25_000) / 1000;
      expect(pod.terminationGracePeriodSeconds, 'runs in flight finish before the kill').toBeGreaterThan(shutdownSeconds);
    }
  });

  it('probes the api on its health routes, by the named port', () => {
    const routes = healthRoutes();
    expect([...routes].sort()).toEqual(['/api/health/live', '/api/health/ready']);
    const api = byName('switchyard-api')!.spec.template.spec.containers[0];
    expect(api.readinessProbe?.httpGet).toEqual({ path: '/api/health/ready', port: 'http' });
    expect(api.livenessProbe?.httpGet).toEqual({ path: '/api/health/live', port: 'http' });
    expect(api.startupProbe?.httpGet?.path).toBe('/api/health/live');
  });

  it('wires Services, disruption budgets and autoscalers to the pods that exist', () => {
    for (const service of of<KubeObject & { spec: { selector: Record<string, string>; ports: Array<{ targetPort: string }> } }>(
      'Service',
    )) {
      const targets = objects.filter(
        (o) =>
          o.kind === 'Deployment' &&
          Object.entries(service.spec.selector).every(([k, v]) => (o as Deployment).spec.template.metadata.labels[k] === v),
      ) as Deployment[];
      expect(targets.length, `Service ${service.metadata.name} selects a Deployment`).toBeGreaterThan(0);
      for (const target of targets) {
        const portNames = target.spec.template.spec.containers.flatMap((c) => c.ports?.map((p) => p.name) ?? []);
        for (const p of service.spec.ports)
          expect(portNames, `${target.metadata.name} serves ${service.metadata.name}`).toContain(p.targetPort);
      }
    }
    for (const pdb of of<KubeObject & { spec: { selector: { matchLabels: Record<string, string> } } }>('PodDisruptionBudget')) {
      const matching = deployments.filter((d) =>
        Object.entries(pdb.spec.selector.matchLabels).every(([k, v]) => d.spec.template.metadata.labels[k] === v),
      );
      expect(matching, `PodDisruptionBudget ${pdb.metadata.name}`).toHaveLength(1);
    }
    expect(of('PodDisruptionBudget')).toHaveLength(2);
    const scaled = [
      ...of<KubeObject & { spec: { scaleTargetRef: { name: string } } }>('HorizontalPodAutoscaler'),
      ...of<KubeObject & { spec: { scaleTargetRef: { name: string } } }>('ScaledObject'),
    ];
    for (const s of scaled) {
      const target = byName(s.spec.scaleTargetRef.name);
      expect(target, `${s.kind} ${s.metadata.name} targets a Deployment`).toBeDefined();
      // A replica count in the Deployment would fight the autoscaler on every apply.
      expect(target!.spec.replicas, `${target!.metadata.name} leaves its replicas to the autoscaler`).toBeUndefined();
    }
    if (overlay.startsWith('production'))
      expect(scaled.map((s) => s.spec.scaleTargetRef.name).sort()).toEqual(['switchyard-api', 'switchyard-worker']);
  });

  it('scales workers on the documented queue metrics only', () => {
    const queries = JSON.stringify([...of('ScaledObject'), ...of('HorizontalPodAutoscaler')]).match(/switchyard_[a-z_]+/g) ?? [];
    for (const metric of queries) expect(AUTOSCALING_METRICS).toContain(metric);
    for (const metric of AUTOSCALING_METRICS) expect(operationsDoc).toContain(`\`${metric}\``);
    if (overlay === 'production') expect(new Set(queries)).toEqual(new Set(AUTOSCALING_METRICS));
    if (overlay === 'production-hpa') expect(of('ScaledObject')).toEqual([]);
  });
});
