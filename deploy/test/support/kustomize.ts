import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ROOT } from './app-facts';
import type { KubeObject } from './kubernetes-schemas';

export const KUBERNETES_DIR = join(ROOT, 'deploy/kubernetes');
export const OVERLAYS = ['dev', 'production', 'production-hpa'];

/**
 * Whether `kubectl` (which embeds kustomize and needs no cluster to render) is here. Locally its
 * absence skips the rendering checks with the reason printed; on CI (CI=true) it is required.
 */
export function kubectlVersion(): string | null {
  try {
    return execFileSync('kubectl', ['version', '--client', '-o', 'json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
}

/** `kubectl kustomize deploy/kubernetes/overlays/<name>`, parsed. */
export function renderOverlay(name: string): KubeObject[] {
  const text = execFileSync('kubectl', ['kustomize', join(KUBERNETES_DIR, 'overlays', name)], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return parseAllDocuments(text)
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(`${name}: ${doc.errors[0].message}`);
      return doc.toJS() as KubeObject | null;
    })
    .filter((o): o is KubeObject => o !== null);
}
