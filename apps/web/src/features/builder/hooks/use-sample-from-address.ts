import { useEffect, useState } from 'react';
import { listWorkflowRequests, type InboundRequest } from '../../../api';
import type { BuilderStore } from '../state/builder-store';

const PAGE_SIZE = 100;
const MAX_PAGES = 20;

/** Looks a request up in the workflow's request log, newest first; null when it is not there. */
async function findRequest(params: { workflowId: string; requestId: string; signal: AbortSignal }): Promise<InboundRequest | null> {
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await listWorkflowRequests({ workflowId: params.workflowId, limit: PAGE_SIZE, cursor, signal: params.signal });
    const found = result.items.find((item) => item.id === params.requestId);
    if (found) return found;
    // Ids are time-ordered (UUIDv7): once the page is older than the request, it is not further on.
    if (!result.nextCursor || result.items.some((item) => item.id < params.requestId)) return null;
    cursor = result.nextCursor;
  }
  return null;
}

/**
 * `/workflows/:id/edit?sample=<requestId>` ("Open in builder as sample" from a run or the Inbox):
 * makes that recorded request the builder's sample. The page that links here usually hands the
 * request over in the router state; a pasted address looks it up in the request log instead.
 */
export function useSampleFromAddress(params: {
  store: BuilderStore;
  workflowId: string;
  requestId: string | null;
}): 'idle' | 'loading' | 'missing' {
  const { store, workflowId, requestId } = params;
  const [status, setStatus] = useState<'idle' | 'loading' | 'missing'>('idle');
  useEffect(() => {
    if (!requestId || store.getState().sample?.requestId === requestId) return;
    const controller = new AbortController();
    setStatus('loading');
    findRequest({ workflowId, requestId, signal: controller.signal })
      .then((request) => {
        if (controller.signal.aborted) return;
        if (!request) return setStatus('missing');
        store.dispatch({ type: 'setSample', sample: { source: 'request', requestId: request.id, trigger: request.trigger } });
        setStatus('idle');
      })
      .catch(() => {
        if (!controller.signal.aborted) setStatus('missing');
      });
    return () => controller.abort();
  }, [store, workflowId, requestId]);
  return status;
}
