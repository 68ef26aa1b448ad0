/** One sample of Prometheus' text format: name, labels, value. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses Prometheus' text exposition format (what `GET /metrics` answers). */
export function parsePrometheus(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!m) throw new Error(`not a Prometheus sample: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]] = l[2].replace(/\\(.)/g, '$1');
    samples.push({ name: m[1], labels, value: m[3] === '+Inf' ? Infinity : Number(m[3]) });
  }
  return samples;
}

/** A scrape: the sum of the samples of `name` whose labels include `labels`. */
export class Scrape {
  constructor(readonly samples: Sample[]) {}

  static async from(url: string, init: RequestInit = {}): Promise<Scrape> {
    const res = await fetch(url, init);
    if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
    return new Scrape(parsePrometheus(await res.text()));
  }

  has(name: string, labels: Record<string, string> = {}): boolean {
    return this.matching(name, labels).length > 0;
  }

  value(name: string, labels: Record<string, string> = {}): number {
    return this.matching(name, labels).reduce((sum, s) => sum + s.value, 0);
  }

  /** Every label set of `name`. */
  labelSets(name: string): Array<Record<string, string>> {
    return this.samples.filter((s) => s.name === name).map((s) => s.labels);
  }

  private matching(name: string, labels: Record<string, string>): Sample[] {
    return this.samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  }
}
