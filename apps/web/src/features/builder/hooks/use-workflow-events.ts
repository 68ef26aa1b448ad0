import { useEffect, useRef, useState } from 'react';
import { withWorkspaceQuery, workflowEventsPath, type RequestEvent, type RunEvent } from '../../../api';

export type EventStreamState = 'connecting' | 'open' | 'unavailable';

/**
 * Listens to a workflow's Server-Sent Events: `request` when a request reaches the trigger URL,
 * `run` when a run changes status. EventSource reconnects on its own after network errors.
 */
export function useWorkflowEvents(params: {
  workflowId: string;
  onRequest?: (event: RequestEvent) => void;
  onRun?: (event: RunEvent) => void;
  /** False to stay disconnected (the hook must still be called). */
  enabled?: boolean;
}): EventStreamState {
  const { workflowId, enabled = true } = params;
  const handlers = useRef(params);
  handlers.current = params;
  const [state, setState] = useState<EventStreamState>('connecting');

  useEffect(() => {
    if (!enabled) return;
    if (typeof EventSource === 'undefined') {
      setState('unavailable');
      return;
    }
    const source = new EventSource(withWorkspaceQuery(workflowEventsPath(workflowId)));
    const parse = (event: MessageEvent): unknown => {
      try {
        return JSON.parse(event.data as string);
      } catch {
        return null;
      }
    };
    source.addEventListener('open', () => setState('open'));
    source.addEventListener('error', () => setState(source.readyState === EventSource.CLOSED ? 'unavailable' : 'connecting'));
    source.addEventListener('request', (event) => {
      const data = parse(event as MessageEvent) as RequestEvent | null;
      if (data) handlers.current.onRequest?.(data);
    });
    source.addEventListener('run', (event) => {
      const data = parse(event as MessageEvent) as RunEvent | null;
      if (data) handlers.current.onRun?.(data);
    });
    return () => source.close();
  }, [workflowId, enabled]);

  return state;
}
