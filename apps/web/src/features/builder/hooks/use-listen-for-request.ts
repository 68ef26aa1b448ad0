import { useCallback, useEffect, useRef, useState } from 'react';
import type { InboundRequest } from '../../../api';
import { passedChecks } from '../trigger/request-verdict';

/**
 * "Listen for a test request": waits for the next request newer than the moment listening started
 * and hands it to `onCaptured`. Requests arrive in `requests` (refreshed by SSE or polling). A
 * refused one (401 bad signature, 405...) never replaces the sample: it is kept in `refused` to
 * say why, and listening goes on.
 */
export function useListenForRequest(params: { requests: InboundRequest[] | undefined; onCaptured: (request: InboundRequest) => void }) {
  const { requests, onCaptured } = params;
  const [listening, setListening] = useState(false);
  const [refused, setRefused] = useState<InboundRequest | null>(null);
  const known = useRef<Set<string> | null>(null);
  const handler = useRef(onCaptured);
  handler.current = onCaptured;

  const start = useCallback(() => {
    known.current = new Set((requests ?? []).map((request) => request.id));
    setRefused(null);
    setListening(true);
  }, [requests]);

  const stop = useCallback(() => {
    known.current = null;
    setListening(false);
  }, []);

  useEffect(() => {
    if (!listening || !requests || !known.current) return;
    const arrived = requests.filter((request) => !known.current?.has(request.id));
    if (arrived.length === 0) return;
    for (const request of arrived) known.current.add(request.id);
    const fresh = arrived.find((request) => passedChecks(request));
    if (!fresh) {
      setRefused(arrived[0]);
      return;
    }
    known.current = null;
    setRefused(null);
    setListening(false);
    handler.current(fresh);
  }, [listening, requests]);

  return { listening, refused, start, stop };
}
