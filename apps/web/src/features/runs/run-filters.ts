import { RUN_STATUSES, type RunFilters, type RunStatus } from '../../api';
import { isTimeRange, timeBounds, type TimeRange } from '../../lib/time-range';

/** What the user picked in a run list's toolbar; kept in the page's address so it can be shared. */
export interface RunListFilters {
  status: RunStatus | '';
  range: TimeRange;
  /** Custom range bounds, as `<input type="datetime-local">` values. */
  since: string;
  until: string;
  q: string;
  /** Only on the page across workflows. */
  workflowId: string;
  /** Dead letters only. */
  deadLetter: boolean;
}

export const EMPTY_FILTERS: RunListFilters = { status: '', range: 'all', since: '', until: '', q: '', workflowId: '', deadLetter: false };

function isRunStatus(value: string | null): value is RunStatus {
  return value !== null && (RUN_STATUSES as readonly string[]).includes(value);
}

export function readRunFilters(params: URLSearchParams): RunListFilters {
  const range = params.get('range');
  const status = params.get('status');
  return {
    status: isRunStatus(status) ? status : '',
    range: isTimeRange(range) ? range : 'all',
    since: params.get('since') ?? '',
    until: params.get('until') ?? '',
    q: params.get('q') ?? '',
    workflowId: params.get('workflow') ?? '',
    deadLetter: params.get('deadLetter') === 'true',
  };
}

/** Writes the filters that differ from the defaults; other parameters of the address are kept. */
export function writeRunFilters(params: { filters: RunListFilters; into: URLSearchParams }): URLSearchParams {
  const next = new URLSearchParams(params.into);
  const { filters } = params;
  const values: Record<string, string> = {
    status: filters.status,
    range: filters.range === 'all' ? '' : filters.range,
    since: filters.range === 'custom' ? filters.since : '',
    until: filters.range === 'custom' ? filters.until : '',
    q: filters.q.trim(),
    workflow: filters.workflowId,
    deadLetter: filters.deadLetter ? 'true' : '',
  };
  for (const [key, value] of Object.entries(values)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
}

/** The API's filters for one fetch; relative ranges are measured from `now`. */
export function apiRunFilters(params: { filters: RunListFilters; now: number; workflowId?: string }): RunFilters {
  const { filters, now } = params;
  const bounds = timeBounds({ range: filters.range, now, since: filters.since, until: filters.until });
  const workflowId = params.workflowId ?? (filters.workflowId || undefined);
  return {
    ...(workflowId ? { workflowId } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...bounds,
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
    ...(filters.deadLetter ? { deadLetter: true } : {}),
  };
}

export function hasActiveFilters(filters: RunListFilters): boolean {
  return Boolean(filters.status || filters.range !== 'all' || filters.q.trim() || filters.workflowId || filters.deadLetter);
}
