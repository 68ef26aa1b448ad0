import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import {
  getPinnedSample,
  pinSample,
  queryKeys,
  unpinSample,
  type PinnedSample,
  type PinnedSampleResult,
  type PinSampleRequest,
} from '../../../api';
import type { SampleSelection } from '../state/builder-reducer';
import type { BuilderStore } from '../state/builder-store';
import { writePersistedSample } from './use-persisted-sample';

const MIGRATED_PREFIX = 'switchyard.builder.sample-pinned.';

/** Whether this browser already offered its own sample of the workflow to the server (done once). */
function wasMigrated(workflowId: string): boolean {
  try {
    return window.localStorage.getItem(MIGRATED_PREFIX + workflowId) === '1';
  } catch {
    return true;
  }
}

function markMigrated(workflowId: string): void {
  try {
    window.localStorage.setItem(MIGRATED_PREFIX + workflowId, '1');
  } catch {
    // Storage disabled: nothing to migrate from either.
  }
}

/** The builder's sample as a pinned one. */
export function selectionOf(pinned: PinnedSample): SampleSelection {
  if (pinned.source === 'request' && pinned.requestId) return { source: 'request', requestId: pinned.requestId, trigger: pinned.trigger };
  return { source: pinned.source === 'manual' ? 'manual' : 'template', trigger: pinned.trigger };
}

/** What to send to pin the builder's sample: a recorded request by id (the server copies it), anything else as data. */
export function pinRequestOf(sample: SampleSelection): PinSampleRequest {
  return sample.source === 'request' && sample.requestId
    ? { source: 'request', requestId: sample.requestId }
    : { source: sample.source === 'manual' ? 'manual' : 'template', trigger: sample.trigger };
}

function samePin(sample: SampleSelection, pinned: PinnedSample | null | undefined): boolean {
  if (!pinned) return false;
  if (sample.source === 'request' && sample.requestId) return pinned.requestId === sample.requestId;
  return (
    pinned.source === (sample.source === 'manual' ? 'manual' : 'template') &&
    JSON.stringify(pinned.trigger) === JSON.stringify(sample.trigger)
  );
}

/** The workflow's pinned sample, and pinning or unpinning it (editors). */
export function usePinnedSampleQuery(workflowId: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.pinnedSample(workflowId);
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => getPinnedSample({ workflowId, signal }),
    retry: false,
    staleTime: 30_000,
  });
  const pin = useMutation({
    mutationFn: (sample: SampleSelection) => pinSample({ workflowId, sample: pinRequestOf(sample) }),
    onSuccess: (pinned) => queryClient.setQueryData<PinnedSampleResult>(key, { sample: pinned }),
  });
  const unpin = useMutation({
    mutationFn: () => unpinSample({ workflowId }),
    onSuccess: () => queryClient.setQueryData<PinnedSampleResult>(key, { sample: null }),
  });
  return { query, pin, unpin };
}

/**
 * Keeps the builder's sample with the workflow (issue 14 item 5): on opening, the pinned sample (the
 * one every teammate and device sees) replaces this browser's own; a sample an editor picks later
 * (a captured request, a test event, a run's request) is pinned for everyone. The browser's copy
 * stays as the fallback when the server has none or cannot be reached; the first time an editor
 * opens a workflow with no pinned sample, this browser's own sample is pinned (its migration).
 */
export function usePinnedSample(params: { store: BuilderStore; workflowId: string; canEdit: boolean; handed: boolean }) {
  const { store, workflowId, canEdit, handed } = params;
  const { query, pin } = usePinnedSampleQuery(workflowId);
  const loaded = useRef(false);
  const latest = useRef({ canEdit, pin: pin.mutate, data: query.data });
  latest.current = { canEdit, pin: pin.mutate, data: query.data };

  const pinIfChanged = useCallback((sample: SampleSelection | null) => {
    const { canEdit: editor, pin: send, data } = latest.current;
    if (sample && editor && !samePin(sample, data?.sample)) send(sample);
  }, []);

  useEffect(() => {
    if (loaded.current || !(query.isSuccess || query.isError)) return;
    loaded.current = true;
    const pinned = query.data?.sample ?? null;
    const current = store.getState().sample;
    if (pinned && !handed) {
      const selection = selectionOf(pinned);
      store.dispatch({ type: 'setSample', sample: selection });
    } else if (query.isSuccess && current && (handed || !wasMigrated(workflowId))) {
      pinIfChanged(current);
    }
    if (query.isSuccess) markMigrated(workflowId);
  }, [query.isSuccess, query.isError, query.data, store, workflowId, handed, pinIfChanged]);

  useEffect(() => {
    let last = store.getState().sample;
    return store.subscribe(() => {
      const sample = store.getState().sample;
      if (sample === last) return;
      last = sample;
      writePersistedSample(workflowId, sample);
      if (loaded.current) pinIfChanged(sample);
    });
  }, [store, workflowId, pinIfChanged]);
}
