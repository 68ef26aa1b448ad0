import { LOOP_ITEMS_SHOWN, type StepAttempt, type StepRunStatus } from '@switchyard/contract';
import { childStepLists, stepListsOf } from '@switchyard/engine';

/** The parts of a step definition the tree reads (a stored definition, any step type). */
export interface TreeStep {
  id: string;
  type: string;
  name?: string;
  paths?: Array<{ name?: string; steps: TreeStep[] }>;
  otherwise?: { name?: string; steps: TreeStep[] };
  steps?: TreeStep[];
}

/** A stored step checkpoint, without its payloads (they are read only for what is shown). */
export interface StepRunRow {
  stepId: string;
  status: 'succeeded' | 'failed';
  error: Record<string, unknown> | null;
  attempts: number;
  startedAt: Date;
  finishedAt: Date;
  durationMs: number;
  /** Branches: the stored output (`{ matched, otherwise }`), to tell which paths ran. */
  output?: unknown;
  /** Loops: how many results the stored output has (its item count once finished). */
  resultCount?: number | null;
  /** Each attempt of the step, oldest first, as the ledger logged it. */
  attemptLog?: StepAttempt[];
}

/** One step of a run in the detail, nested steps grouped under their branch path or loop item. */
export interface StepRunNode {
  /** The step's id in the definition. */
  id: string;
  /** Its journal key: `route.0.notify`, `each[3].post` (equal to `id` at the top level). */
  key: string;
  type: string;
  name?: string;
  status: StepRunStatus;
  row?: StepRunRow;
  /** Branch: each path (and otherwise) with its steps, and whether it ran. */
  paths?: StepRunPath[];
  /** Loop: the items shown (see LOOP_ITEMS_SHOWN), in index order. */
  items?: StepRunItem[];
  /** Loop: how many items it has (or has reached so far), all shown or not. */
  itemCount?: number;
}

export interface StepRunPath {
  index: number | 'otherwise';
  name: string;
  taken: boolean;
  steps: StepRunNode[];
}

export interface StepRunItem {
  index: number;
  status: StepRunStatus;
  steps: StepRunNode[];
}

const ITEM_KEY = /\[(\d+)\]\./g;

/** The item indices each loop (by journal key) has entries for. */
function loopItemIndex(rows: Iterable<StepRunRow>): Map<string, Set<number>> {
  const byLoop = new Map<string, Set<number>>();
  for (const row of rows) {
    for (const match of row.stepId.matchAll(ITEM_KEY)) {
      const loopKey = row.stepId.slice(0, match.index);
      let set = byLoop.get(loopKey);
      if (!set) byLoop.set(loopKey, (set = new Set()));
      set.add(Number(match[1]));
    }
  }
  return byLoop;
}

/** Which items a loop shows: a window from `offset`, and in the first window the failed items after it too. */
export interface ItemWindow {
  offset: number;
  limit: number;
  /** Add failed items past the window (up to `limit` of them), so that a failure among 10,000 items is found. */
  withFailures: boolean;
}

interface Build {
  rows: Map<string, StepRunRow>;
  items: Map<string, Set<number>>;
  terminal: boolean;
  /** The window of items for every loop, or for one loop (by key) when paging it. */
  window: (loopKey: string) => ItemWindow;
}

function statusOf(build: Build, row: StepRunRow | undefined, nested: StepRunNode[]): StepRunStatus {
  if (row) return row.status;
  if (nested.some((node) => node.status === 'failed')) return 'failed';
  if (nested.some((node) => node.status !== 'pending' && node.status !== 'skipped')) return build.terminal ? 'succeeded' : 'running';
  return build.terminal ? 'skipped' : 'pending';
}

function buildList(build: Build, steps: readonly TreeStep[], prefix: string): StepRunNode[] {
  return steps.map((step) => buildStep(build, step, `${prefix}${step.id}`));
}

function buildStep(build: Build, step: TreeStep, key: string): StepRunNode {
  const row = build.rows.get(key);
  const node: StepRunNode = {
    id: step.id,
    key,
    type: step.type,
    name: step.name,
    status: row?.status ?? (build.terminal ? 'skipped' : 'pending'),
    row,
  };
  const lists = stepListsOf(step);
  const children = childStepLists<TreeStep>(step);
  if (lists && !lists.perItem && children.length > 0) {
    node.paths = children.map((list) => {
      const steps = buildList(build, list.steps, lists.journalPrefix({ key, id: list.id }));
      const ran = steps.some((child) => child.status !== 'pending' && child.status !== 'skipped');
      return {
        index: list.id as StepRunPath['index'],
        name: list.name || list.label,
        taken: lists.ran?.({ output: row?.output, id: list.id }) ?? ran,
        steps,
      };
    });
    if (!row)
      node.status = statusOf(
        build,
        row,
        node.paths.flatMap((path) => path.steps),
      );
  }
  // A container run once per item (a loop) has one list: its items are shown, each with its steps.
  if (lists?.perItem && children.length > 0) {
    const inner = children[0].steps;
    const seen = [...(build.items.get(key) ?? [])].sort((a, b) => a - b);
    const results = row?.resultCount ?? 0;
    node.itemCount = Math.max(results, seen.length ? seen[seen.length - 1] + 1 : 0);
    const window = build.window(key);
    const shown = seen.filter((index) => index >= window.offset && index < window.offset + window.limit);
    const items: StepRunItem[] = shown.map((index) => buildItem(build, inner, key, index));
    if (window.withFailures) {
      let extra = 0;
      for (const index of seen) {
        if (index < window.offset + window.limit || extra >= window.limit) continue;
        const item = buildItem(build, inner, key, index);
        if (item.status === 'failed') {
          items.push(item);
          extra += 1;
        }
      }
    }
    node.items = items;
    if (!row)
      node.status = statusOf(
        build,
        row,
        items.flatMap((item) => item.steps),
      );
  }
  return node;
}

function buildItem(build: Build, steps: readonly TreeStep[], loopKey: string, index: number): StepRunItem {
  const nested = buildList(build, steps, `${loopKey}[${index}].`);
  const status: StepRunStatus = nested.some((node) => node.status === 'failed')
    ? 'failed'
    : nested.every((node) => node.status === 'succeeded') || build.terminal
      ? 'succeeded'
      : 'running';
  return { index, status, steps: nested };
}

/**
 * The steps of a run as a tree: the definition's steps in order, each branch with its paths (and
 * which ran), each loop with its items (a window of them) and their steps, each with its checkpoint.
 * Steps without one are `pending` (run not over) or `skipped`.
 */
export function buildStepRunTree(params: {
  steps: readonly TreeStep[];
  rows: Iterable<StepRunRow>;
  terminal: boolean;
  window?: (loopKey: string) => ItemWindow;
}): StepRunNode[] {
  const rows = [...params.rows];
  const build: Build = {
    rows: new Map(rows.map((row) => [row.stepId, row])),
    items: loopItemIndex(rows),
    terminal: params.terminal,
    window: params.window ?? (() => ({ offset: 0, limit: LOOP_ITEMS_SHOWN, withFailures: true })),
  };
  return buildList(build, params.steps, '');
}

/** The node of a journal key in a tree (searched through paths and the items shown). */
export function findStepRunNode(nodes: StepRunNode[], key: string): StepRunNode | undefined {
  for (const node of nodes) {
    if (node.key === key) return node;
    const nested = [...(node.paths ?? []).flatMap((path) => path.steps), ...(node.items ?? []).flatMap((item) => item.steps)];
    const found = key.startsWith(node.key) ? findStepRunNode(nested, key) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** Every node of a tree, nested ones included. */
export function flattenStepRunTree(nodes: StepRunNode[]): StepRunNode[] {
  return nodes.flatMap((node) => [
    node,
    ...flattenStepRunTree([...(node.paths ?? []).flatMap((path) => path.steps), ...(node.items ?? []).flatMap((item) => item.steps)]),
  ]);
}
