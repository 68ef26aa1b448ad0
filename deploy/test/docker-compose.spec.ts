import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appSettings, dockerfileFacts, healthRoutes, ROOT, RUNTIME_SETTINGS, sourceOfBuiltScript } from './support/app-facts';
import { type ComposeService, durationSeconds, interpolate, readCompose, validateCompose } from './support/compose';

// What `docker compose config` would say (it needs no engine, but is not installed here), plus what
// only this repository knows: the settings the app reads, its health routes, its image.
describe('docker-compose.yml', () => {
  const raw = readCompose();
  const env = { SWITCHYARD_SECRET_KEY: Buffer.alloc(32, 1).toString('base64') };
  const compose = interpolate(raw, env) as { services: Record<string, ComposeService> };
  const services = Object.entries(compose.services);
  const ours = services.filter(([, s]) => s.build !== undefined || /^switchyard(:|$)/.test(s.image ?? ''));
  const image = dockerfileFacts();
  const environment = (s: ComposeService): Record<string, string> =>
    Array.isArray(s.environment)
      ? Object.fromEntries(s.environment.map((e) => [e.split('=')[0], e.split('=').slice(1).join('=')]))
      : Object.fromEntries(Object.entries(s.environment ?? {}).map(([k, v]) => [k, String(v ?? '')]));
  const command = (s: ComposeService) => (Array.isArray(s.command) ? s.command : (s.command ?? '').split(/\s+/).filter(Boolean));

  it('is valid against the Compose Specification, before and after interpolation', () => {
    expect(validateCompose(raw)).toEqual([]);
    expect(validateCompose(compose)).toEqual([]);
    // And it would catch a misspelt key or a wrong type.
    const broken = structuredClone(compose) as { services: Record<string, Record<string, unknown>> };
    broken.services.api.healtcheck = {};
    broken.services.worker.deploy = { replicas: [2] };
    const errors = validateCompose(broken).map((e) => `${e.instancePath} ${e.message}`);
    expect(errors).toContain('/services/api must NOT have additional properties');
    expect(errors.some((e) => e.startsWith('/services/worker/deploy/replicas must be'))).toBe(true);
  });

  it('requires SWITCHYARD_SECRET_KEY, with a message saying how to make one', () => {
    expect(() => interpolate(raw, {})).toThrow(/SWITCHYARD_SECRET_KEY .*openssl rand -base64 32/);
  });

  it('builds the Switchyard services from this repository, and passes them only settings the app knows', () => {
    const settings = appSettings();
    expect(ours.map(([name]) => name).sort()).toEqual(['api', 'worker']);
    for (const [name, service] of ours) {
      const context = typeof service.build === 'string' ? service.build : (service.build?.context ?? '.');
      const dockerfile = typeof service.build === 'object' ? (service.build.dockerfile ?? 'Dockerfile') : 'Dockerfile';
      expect(existsSync(join(ROOT, context, dockerfile)), `${name}: ${context}/${dockerfile}`).toBe(true);
      const unknown = Object.keys(environment(service)).filter((k) => !settings.has(k) && !RUNTIME_SETTINGS.has(k));
      expect(unknown, `${name}: settings the app does not read`).toEqual([]);
    }
  });

  it("runs each Switchyard service in its role with the image's node and a built entry point", () => {
    for (const [name, service] of ours) {
      const [node, script, ...args] = command(service);
      expect(node).toBe(image.cmd[0]);
      expect(script).toBe(image.cmd[1]);
      expect(existsSync(sourceOfBuiltScript(script)), `${name}: ${script} is built from the api's sources`).toBe(true);
      expect(args).toEqual([`--role=${name}`]);
      const settings = { ...image.env, ...environment(service) };
      expect(settings.DATABASE_URL, `${name} shares PostgreSQL`).toMatch(/^postgres:\/\/.+@postgres:5432\//);
      expect(settings.REDIS_URL, `${name} shares Redis`).toBe('redis://redis:6379');
      const shutdown = Number(settings.SWITCHYARD_SHUTDOWN_TIMEOUT_MS ?? 25_000) / 1000;
      expect(durationSeconds(service.stop_grace_period ?? '10s'), `${name}: runs in flight finish before the kill`).toBeGreaterThan(
        shutdown,
      );
    }
  });

  it('publishes the port the image exposes and checks health on a real route', () => {
    const api = compose.services.api;
    const port = Number(({ ...image.env, ...environment(api) } as Record<string, string>).PORT);
    expect(image.exposed).toEqual([port]);
    expect(api.ports).toEqual([`${port}:${port}`]);
    const test = (api.healthcheck?.test as string[]).join(' ');
    const url = /http:\/\/127\.0\.0\.1:(\d+)(\/[^'"]+)/.exec(test);
    expect(url, 'the api health check calls the server').not.toBeNull();
    expect(Number(url![1])).toBe(port);
    expect(healthRoutes()).toContain(url![2]);
    // The worker serves no HTTP: the image's HTTP health check would mark it unhealthy.
    expect(compose.services.worker.healthcheck).toEqual({ disable: true });
  });

  it('waits only for services that have a health check, and pins its third-party images', () => {
    for (const [name, service] of services) {
      const deps = Array.isArray(service.depends_on) ? {} : (service.depends_on ?? {});
      for (const [dep, { condition }] of Object.entries(deps)) {
        expect(compose.services[dep], `${name} depends on ${dep}`).toBeDefined();
        if (condition === 'service_healthy') {
          const check = compose.services[dep].healthcheck;
          expect(check?.test && !check.disable, `${dep} has a health check for ${name} to wait on`).toBeTruthy();
        }
      }
      if (!ours.some(([n]) => n === name)) expect(service.image, `${name} pins a version`).toMatch(/^[a-z0-9./-]+:\d+/);
    }
  });
});
