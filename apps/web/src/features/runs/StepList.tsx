import { useState } from 'react';
import { getLoopItems, type Run, type StepRun, type StepRunItem } from '../../api';
import { elapsedMs, formatDuration } from '../../lib/format-duration';
import { hasContent } from '../../lib/pretty-json';
import { Badge, Button, Card, EmptyState, ErrorState, JsonViewer } from '../../ui';
import { AttemptList } from './AttemptList';
import { ErrorExplanation } from './ErrorExplanation';
import { StepStatusBadge } from './StatusBadge';
import { useStepOutput } from './use-step-output';
import './StepList.css';

/** Where a step sits on the run's time line, in percent; null for steps that did not run in this run. */
export function timelineSpan(params: {
  step: Partial<StepRun>;
  runStart: number | null;
  runEnd: number;
}): { left: number; width: number } | null {
  const { step, runStart, runEnd } = params;
  if (!runStart || !step.startedAt || step.attempts === 0) return null;
  const start = Date.parse(step.startedAt);
  const end = step.finishedAt ? Date.parse(step.finishedAt) : runEnd;
  const total = Math.max(runEnd - runStart, 1);
  if (Number.isNaN(start) || Number.isNaN(end) || start < runStart - 1000) return null;
  const left = Math.min(Math.max(((start - runStart) / total) * 100, 0), 100);
  const width = Math.max(Math.min(((end - start) / total) * 100, 100 - left), 0.8);
  return { left, width };
}

function StepOutput({ runId, step }: { runId: string; step: StepRun }) {
  const [load, setLoad] = useState(false);
  const full = useStepOutput({ runId, stepId: step.key ?? step.id, enabled: load });
  if (step.outputTruncated) {
    if (full.data !== undefined)
      return <JsonViewer label="Output" value={full.data} rootPath={`steps.${step.id}`} defaultExpandDepth={1} />;
    return (
      <div className="sy-step__large">
        <p>The output is too large to show at once (over 1 MB). It is stored in full.</p>
        <Button size="sm" onClick={() => setLoad(true)} loading={full.isFetching}>
          Load full output
        </Button>
        {full.isError ? <ErrorState title="Could not load the output" error={full.error} /> : null}
      </div>
    );
  }
  if (step.output === undefined || step.output === null) return null;
  return <JsonViewer label="Output" value={step.output} rootPath={`steps.${step.id}`} />;
}

/** The element id of a step in the list, by journal key (`step-send`, `step-each-3--post`): links to a failed nested step use it. */
export function stepAnchorId(key: string): string {
  return `step-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

interface StepItemProps {
  runId: string;
  step: StepRun;
  index: number;
  now: number;
  span: { left: number; width: number } | null;
  /** Where the step is on the run's time line, for nested steps. */
  timeline: { runStart: number | null; runEnd: number };
  /** 0 at the top level; nested steps get the same card, indented under their path or item. */
  depth?: number;
}

function StepItem({ runId, step, index, now, span, timeline, depth = 0 }: StepItemProps) {
  const domId = stepAnchorId(step.key ?? step.id);
  const ms = elapsedMs({ durationMs: step.durationMs, startedAt: step.startedAt, finishedAt: step.finishedAt, now });
  const failed = step.status === 'failed';
  const reused = step.attempts === 0 && step.status === 'succeeded';
  const ran = step.status !== 'skipped' && step.status !== 'pending';
  return (
    <li
      id={domId}
      className={`sy-step sy-step--${step.status}${reused ? ' sy-step--reused' : ''}${depth > 0 ? ' sy-step--nested' : ''}`}
      aria-labelledby={`${domId}-title`}
      data-step-key={step.key ?? step.id}
    >
      <div className="sy-step__marker" aria-hidden="true">
        {index + 1}
      </div>
      <div className="sy-step__content">
        <div className="sy-step__header">
          <div className="sy-step__title">
            {step.name ? (
              <>
                <h3 id={`${domId}-title`} className="sy-step__id sy-step__id--named">
                  {step.name}
                </h3>
                <code className="sy-step__name" title="Step id">
                  {step.id}
                </code>
              </>
            ) : (
              <h3 id={`${domId}-title`} className="sy-step__id">
                {step.id}
              </h3>
            )}
            <Badge tone="accent">{step.type}</Badge>
            <StepStatusBadge status={step.status} />
            {reused ? (
              <span title="This step succeeded in the replayed run; its output was reused and it was not executed again.">
                <Badge tone="neutral">Reused</Badge>
              </span>
            ) : null}
          </div>
          {ran ? (
            <dl className="sy-step__facts">
              <div>
                <dt>Attempts</dt>
                <dd>{reused ? '0 (reused)' : (step.attempts ?? 0)}</dd>
              </div>
              <div>
                <dt>Duration</dt>
                <dd>{formatDuration(ms)}</dd>
              </div>
            </dl>
          ) : null}
        </div>
        {span ? (
          <div className="sy-step__timeline" aria-hidden="true">
            <span className="sy-step__timeline-bar" style={{ left: `${span.left}%`, width: `${span.width}%` }} />
          </div>
        ) : null}
        {reused ? <p className="sy-step__note">Not executed again: output reused from the replayed run.</p> : null}
        <AttemptList step={step} />
        {failed && hasContent(step.error) ? (
          <div className="sy-step__error">
            <ErrorExplanation error={step.error} compact />
            <JsonViewer label="Error details" value={step.error} rootPath="" tone="danger" defaultExpandDepth={1} maxHeight={280} />
          </div>
        ) : null}
        <StepOutput runId={runId} step={step} />
        {!failed && ran && !step.outputTruncated && (step.output === undefined || step.output === null) ? (
          <p className="sy-step__note">No output.</p>
        ) : null}
        {step.status === 'skipped' ? <p className="sy-step__note">Not reached: an earlier step stopped the run.</p> : null}
        {hasContent(step.input) ? (
          <details className="sy-step__input">
            <summary>Input</summary>
            <JsonViewer label="Input" value={step.input} defaultExpandDepth={1} />
          </details>
        ) : null}
        {step.paths ? <BranchPaths runId={runId} step={step} now={now} timeline={timeline} depth={depth} /> : null}
        {step.items ? <LoopItems runId={runId} step={step} now={now} timeline={timeline} depth={depth} /> : null}
      </div>
    </li>
  );
}

interface NestedProps {
  runId: string;
  step: StepRun;
  now: number;
  timeline: { runStart: number | null; runEnd: number };
  depth: number;
}

function NestedStepList({ runId, steps, now, timeline, depth, label }: Omit<NestedProps, 'step'> & { steps: StepRun[]; label: string }) {
  if (steps.length === 0) return <p className="sy-step__note">No steps.</p>;
  return (
    <ol className="sy-steps sy-steps--nested" aria-label={label}>
      {steps.map((child, position) => (
        <StepItem
          key={child.key ?? `${child.id}-${position}`}
          runId={runId}
          step={child}
          index={position}
          now={now}
          span={timelineSpan({ step: child, ...timeline })}
          timeline={timeline}
          depth={depth + 1}
        />
      ))}
    </ol>
  );
}

/** A branch's paths: the ones taken open, the others folded with their steps skipped. */
function BranchPaths({ runId, step, now, timeline, depth }: NestedProps) {
  const paths = step.paths ?? [];
  const taken = paths.filter((path) => path.taken);
  return (
    <div className="sy-step__group" role="group" aria-label={`Paths of ${step.name || step.id}`}>
      <p className="sy-step__group-title">
        {taken.length === 0 ? 'No path ran.' : `Path taken: ${taken.map((path) => path.name).join(', ')}`}
      </p>
      {paths.map((path) => (
        <details key={String(path.index)} className={`sy-step__branch${path.taken ? ' sy-step__branch--taken' : ''}`} open={path.taken}>
          <summary>
            <span className="sy-step__branch-name">
              {path.index === 'otherwise' ? path.name : `${Number(path.index) + 1}. ${path.name}`}
            </span>
            <Badge tone={path.taken ? 'success' : 'neutral'}>{path.taken ? 'Taken' : 'Not taken'}</Badge>
            <span className="sy-muted">{path.steps.length === 1 ? '1 step' : `${path.steps.length} steps`}</span>
          </summary>
          <NestedStepList
            runId={runId}
            steps={path.steps}
            now={now}
            timeline={timeline}
            depth={depth}
            label={`Steps of path ${path.name}`}
          />
        </details>
      ))}
    </div>
  );
}

/** Items shown at first, and added by each "Show more". */
export const LOOP_ITEMS_PAGE = 20;

/** One loop item, folded unless it failed. */
function LoopItem({ runId, item, now, timeline, depth }: Omit<NestedProps, 'step'> & { item: StepRunItem }) {
  return (
    <details className={`sy-step__item sy-step__item--${item.status}`} open={item.status === 'failed'}>
      <summary>
        <span className="sy-step__item-index">Item {item.index}</span>
        <StepStatusBadge status={item.status} />
        <span className="sy-muted">{item.steps.length === 1 ? '1 step' : `${item.steps.length} steps`}</span>
      </summary>
      <NestedStepList runId={runId} steps={item.steps} now={now} timeline={timeline} depth={depth} label={`Steps of item ${item.index}`} />
    </details>
  );
}

/**
 * A loop's items, a page at a time: the run detail carries the first 100 (and failed ones after
 * them); further pages come from the API as they are asked for, so 10,000 items stay usable.
 */
function LoopItems({ runId, step, now, timeline, depth }: NestedProps) {
  const [shown, setShown] = useState(LOOP_ITEMS_PAGE);
  const [extra, setExtra] = useState<StepRunItem[]>([]);
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [exhausted, setExhausted] = useState(false);
  const all = mergeLoopItems(step.items ?? [], extra);
  const count = step.itemCount ?? all.length;
  // Failed items are always shown: a failure among 10,000 items must be found without paging.
  const visible = all.filter((item, position) => position < shown || item.status === 'failed');
  const failed = all.filter((item) => item.status === 'failed').length;
  const nextOffset = nextLoopOffset(all);
  const canFetch = nextOffset < count && !exhausted;

  async function showMore() {
    if (shown < all.length) {
      setShown((value) => value + LOOP_ITEMS_PAGE);
      return;
    }
    setLoading(true);
    setLoadError(null);
    try {
      const page = await getLoopItems({ runId, stepKey: step.key ?? step.id, offset: nextOffset });
      if (page.items.length === 0) setExhausted(true);
      setExtra((current) => [...current, ...page.items]);
      setShown((value) => value + LOOP_ITEMS_PAGE);
    } catch (error) {
      setLoadError(error);
    } finally {
      setLoading(false);
    }
  }

  return (
    <div className="sy-step__group" role="group" aria-label={`Items of ${step.name || step.id}`}>
      <p className="sy-step__group-title">
        {count === 1 ? '1 item' : `${count.toLocaleString()} items`}
        {failed > 0 ? ` · ${failed} failed` : ''} · showing {visible.length.toLocaleString()}
      </p>
      {visible.map((item) => (
        <LoopItem key={item.index} runId={runId} item={item} now={now} timeline={timeline} depth={depth} />
      ))}
      {shown < all.length || canFetch ? (
        <div>
          <Button size="sm" onClick={() => void showMore()} loading={loading}>
            Show {LOOP_ITEMS_PAGE} more items
          </Button>
        </div>
      ) : null}
      {loadError ? <ErrorState title="Could not load more items" error={loadError} /> : null}
    </div>
  );
}

/** The items known so far, by index, without duplicates: the detail's failed items may come again in a page. */
export function mergeLoopItems(first: StepRunItem[], more: StepRunItem[]): StepRunItem[] {
  const byIndex = new Map<number, StepRunItem>();
  for (const item of [...first, ...more]) if (!byIndex.has(item.index)) byIndex.set(item.index, item);
  return [...byIndex.values()].sort((a, b) => a.index - b.index);
}

/** Where the next page starts: after the first gap in the items known (failed ones far ahead may already be there). */
export function nextLoopOffset(items: StepRunItem[]): number {
  let next = 0;
  for (const item of items) {
    if (item.index !== next) break;
    next += 1;
  }
  return next;
}

/** The steps of a run as a time line: status, attempts, duration and where each ran in the run's span. */
export function StepList({ run, now }: { run: Run; now: number }) {
  const steps = run.steps ?? [];
  const runStart = run.startedAt ? Date.parse(run.startedAt) : null;
  const runEnd = run.finishedAt ? Date.parse(run.finishedAt) : now;
  return (
    <Card id="steps" title="Steps" description="What each step received and produced, in order." flush>
      {steps.length === 0 ? (
        <EmptyState icon="workflow" title="No steps ran yet" description="Steps appear here as the worker runs them." />
      ) : (
        <ol className="sy-steps">
          {steps.map((step, index) => (
            <StepItem
              key={`${step.id}-${index}`}
              runId={run.id}
              step={step}
              index={index}
              now={now}
              span={timelineSpan({ step, runStart, runEnd })}
              timeline={{ runStart, runEnd }}
            />
          ))}
        </ol>
      )}
    </Card>
  );
}
