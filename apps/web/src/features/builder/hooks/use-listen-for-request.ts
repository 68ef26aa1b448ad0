import { useCallback, useEffect, useRef, useState } from 'react';
import type { InboundRequest } from '../../../api';

/**
 * "Listen for a test request": waits for the next request newer than the moment listening started
 * and hands it to `onCaptured`. Requests arrive in `requests` (refreshed by SSE or polling).
 */
export function useListenForRequest(params: { requests: InboundRequest[] | undefined; onCaptured: (request: InboundRequest) => void }) {
  const { requests, onCaptured } = params;
  const [listening, setListening] = useState(false);
  const known = useRef<Set<string> | null>(null);
  const handler = useRef(onCaptured);
  handler.current = onCaptured;

  const start = useCallback(() => {
    known.current = new Set((requests ?? []).map((request) => request.id));
    setListening(true);
  }, [requests]);

  const stop = useCallback(() => {
    known.current = null;
    setListening(false);
  }, []);

  useEffect(() => {
    if (!listening || !requests || !known.current) return;
    const fresh = requests.find((request) => !known.current?.has(request.id));
    if (!fresh) return;
    known.current = null;
    setListening(false);
    handler.current(fresh);
  }, [listening, requests]);

  return { listening, start, stop };
}
