import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLE_KIND, type Bundle } from '@switchyard/contract';
import { UsageError } from './remote-client';

/** A file name for a workflow of a folder: its externalId, made safe (`orders-to-crm.json`). */
export function workflowFileName(externalId: string): string {
  return `${externalId.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+/, '') || 'workflow'}.json`;
}

/** One bundle per workflow, each with the credentials that workflow uses: the files of a folder for `apply`. */
export function splitBundle(bundle: Bundle): Array<{ file: string; bundle: Bundle }> {
  return bundle.workflows.map((workflow) => {
    const text = JSON.stringify(workflow.definition.steps);
    return {
      file: workflowFileName(workflow.externalId),
      bundle: { ...bundle, workflows: [workflow], credentials: bundle.credentials.filter((c) => text.includes(JSON.stringify(c.ref))) },
    };
  });
}

/** Every `*.json` of a folder merged into one bundle (the server checks it): one workflow file per workflow, as `export --dir` writes them. */
export function readBundleFolder(dir: string): { bundle: Record<string, unknown>; files: string[] } {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dir} is not a folder`);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (files.length === 0) throw new UsageError(`${dir} holds no .json workflow files`);
  const workflows: unknown[] = [];
  const credentials = new Map<string, unknown>();
  let schemaVersion = 1;
  for (const file of files) {
    const parsed = readJson(join(dir, file)) as Partial<Bundle> | null;
    if (!parsed || parsed.kind !== BUNDLE_KIND || !Array.isArray(parsed.workflows))
      throw new UsageError(`${join(dir, file)} is not a workflow file (a bundle made by switchyard export, "kind": "${BUNDLE_KIND}")`);
    schemaVersion = Math.max(schemaVersion, typeof parsed.schemaVersion === 'number' ? parsed.schemaVersion : 1);
    workflows.push(...parsed.workflows);
    for (const c of parsed.credentials ?? []) credentials.set(c.ref, c);
  }
  return {
    files,
    bundle: {
      kind: BUNDLE_KIND,
      schemaVersion,
      exportedAt: new Date().toISOString(),
      exportedBy: `folder ${dir}`,
      workflows,
      credentials: [...credentials.values()],
    },
  };
}

export function readJson(file: string): unknown {
  if (!existsSync(file)) throw new UsageError(`${file} does not exist`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    throw new UsageError(`${file} is not JSON`);
  }
}

export function writeFolder(dir: string, entries: Array<{ file: string; bundle: Bundle }>): void {
  mkdirSync(dir, { recursive: true });
  for (const entry of entries) writeFileSync(join(dir, entry.file), `${JSON.stringify(entry.bundle, null, 2)}\n`);
}
