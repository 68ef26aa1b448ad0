import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parser } from '@prometheus-io/lezer-promql';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './support/app-facts';

/**
 * The metric series the app exports, from its sources (deploy imports nothing of the api): every
 * `name: 'switchyard_...'` of apps/api/src/observability/metrics.ts, histograms with their
 * _bucket/_sum/_count, and the Node process metrics prom-client adds.
 */
function exportedSeries(): Set<string> {
  const source = readFileSync(join(ROOT, 'apps/api/src/observability/metrics.ts'), 'utf8');
  const series = new Set<string>();
  for (const m of source.matchAll(/new (Counter|Gauge|Histogram)\(\{\s*name: '([a-z_]+)'/g)) {
    if (m[1] === 'Histogram') for (const suffix of ['_bucket', '_sum', '_count']) series.add(m[2] + suffix);
    else series.add(m[2]);
  }
  for (const name of ['nodejs_eventloop_lag_p99_seconds', 'nodejs_eventloop_lag_seconds', 'process_resident_memory_bytes', 'up'])
    series.add(name);
  return series;
}

const SERIES = exportedSeries();
const operationsDoc = readFileSync(join(ROOT, 'docs/operations.md'), 'utf8');

/** Syntax errors of a PromQL expression (Grafana's variables replaced by plain values first). */
function promqlErrors(expr: string): string[] {
  const plain = expr.replaceAll('$__rate_interval', '5m').replaceAll('$job', '.*');
  const errors: string[] = [];
  parser.parse(plain).iterate({
    enter: (node) => {
      if (node.type.isError) errors.push(`at ${node.from}: ${JSON.stringify(plain.slice(Math.max(0, node.from - 10), node.to + 10))}`);
    },
  });
  return errors;
}

const metricNames = (expr: string) => [...expr.matchAll(/\b(switchyard_[a-z_]+|nodejs_[a-z0-9_]+|process_[a-z_]+)\b/g)].map((m) => m[1]);

describe('the exported metrics', () => {
  it('are found in the sources and each has a row in the metrics table of docs/operations.md', () => {
    expect(SERIES.has('switchyard_queue_depth')).toBe(true);
    expect(SERIES.has('switchyard_ingest_duration_seconds_bucket')).toBe(true);
    const source = readFileSync(join(ROOT, 'apps/api/src/observability/metrics.ts'), 'utf8');
    for (const m of source.matchAll(/name: '(switchyard_[a-z_]+)'/g)) expect(operationsDoc, m[1]).toContain(`| \`${m[1]}\``);
  });
});

describe('deploy/observability/prometheus-rules.yaml', () => {
  const rules = parse(readFileSync(join(ROOT, 'deploy/observability/prometheus-rules.yaml'), 'utf8')) as {
    groups: Array<{ name: string; rules: Array<Record<string, unknown>> }>;
  };

  it('is a Prometheus rule file: groups of named alerting rules with an expression, a severity and a summary', () => {
    expect(Object.keys(rules)).toEqual(['groups']);
    expect(rules.groups.length).toBeGreaterThan(0);
    const names = new Set<string>();
    for (const group of rules.groups) {
      expect(group.name).toMatch(/^\S+$/);
      expect(group.rules.length).toBeGreaterThan(0);
      for (const rule of group.rules) {
        const keys = Object.keys(rule);
        for (const key of keys) expect(['alert', 'expr', 'for', 'keep_firing_for', 'labels', 'annotations']).toContain(key);
        expect(rule.alert).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
        expect(names.has(rule.alert as string), `${rule.alert as string} is unique`).toBe(false);
        names.add(rule.alert as string);
        expect(typeof rule.expr).toBe('string');
        if (rule.for !== undefined) expect(rule.for).toMatch(/^\d+[smhd]$/);
        expect(['critical', 'warning', 'info']).toContain((rule.labels as Record<string, string>).severity);
        const annotations = rule.annotations as Record<string, string>;
        expect(annotations.summary, `${rule.alert as string} has a summary`).toBeTruthy();
        expect(annotations.description, `${rule.alert as string} has a description`).toBeTruthy();
      }
    }
  });

  it('has PromQL that parses and queries only series the app exports', () => {
    for (const rule of rules.groups.flatMap((g) => g.rules)) {
      const expr = rule.expr as string;
      expect(promqlErrors(expr), `${rule.alert as string}: ${expr}`).toEqual([]);
      for (const name of metricNames(expr)) expect(SERIES, `${rule.alert as string} queries ${name}`).toContain(name);
    }
  });

  it('reads the global queue figures with max(), never sum()', () => {
    for (const rule of rules.groups.flatMap((g) => g.rules))
      expect(rule.expr as string).not.toMatch(/sum[^(]*\(\s*switchyard_(queue_depth|queue_oldest_age_seconds|waiting_runs)/);
  });

  it('finds an error in broken PromQL (the check is not blind)', () => {
    expect(promqlErrors('sum(rate(switchyard_runs_started_total[5m])')).not.toEqual([]);
  });
});

describe('deploy/observability/grafana-dashboard.json', () => {
  const dashboard = JSON.parse(readFileSync(join(ROOT, 'deploy/observability/grafana-dashboard.json'), 'utf8')) as {
    uid: string;
    title: string;
    schemaVersion: number;
    templating: { list: Array<{ name: string; type: string }> };
    panels: Array<{
      id: number;
      type: string;
      title: string;
      gridPos: { x: number; y: number; w: number; h: number };
      datasource: { uid: string };
      targets: Array<{ refId: string; expr: string }>;
    }>;
  };

  it('is an importable dashboard with a Prometheus data source variable', () => {
    expect(dashboard.uid).toMatch(/^[a-z0-9-]{1,40}$/);
    expect(dashboard.title).toBe('Switchyard');
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(30);
    expect(dashboard.templating.list).toContainEqual(expect.objectContaining({ name: 'datasource', type: 'datasource' }));
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of dashboard.panels) {
      expect(['timeseries', 'stat']).toContain(panel.type);
      expect(panel.datasource.uid).toBe('${datasource}');
      expect(panel.gridPos.x + panel.gridPos.w, panel.title).toBeLessThanOrEqual(24);
      expect(panel.targets.length, panel.title).toBeGreaterThan(0);
    }
  });

  it('has PromQL that parses and queries only series the app exports, and shows every switchyard metric', () => {
    const shown = new Set<string>();
    for (const panel of dashboard.panels)
      for (const target of panel.targets) {
        expect(promqlErrors(target.expr), `${panel.title}: ${target.expr}`).toEqual([]);
        for (const name of metricNames(target.expr)) {
          expect(SERIES, `${panel.title} queries ${name}`).toContain(name);
          shown.add(name.replace(/_(bucket|sum|count)$/, ''));
        }
      }
    const source = readFileSync(join(ROOT, 'apps/api/src/observability/metrics.ts'), 'utf8');
    const missing = [...source.matchAll(/name: '(switchyard_[a-z_]+)'/g)]
      .map((m) => m[1])
      .filter((n) => !shown.has(n) && n !== 'switchyard_queue_read_errors_total');
    expect(missing).toEqual([]);
  });
});
