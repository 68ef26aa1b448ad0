import type { TriggerData } from '@switchyard/engine';
import { parseBodyLenient } from './parse-body';

export interface StoredRequest {
  method: string;
  headers: Record<string, string | string[]>;
  query: Record<string, string | string[]>;
  content_type: string | null;
  body: Buffer | null;
  received_at: Date;
}

/** The trigger document expressions see, built from the stored raw request. */
export function toTriggerData(request: StoredRequest): TriggerData {
  return {
    body: parseBodyLenient(request.body, request.content_type, request.headers['content-encoding']).value,
    headers: request.headers,
    query: request.query,
    method: request.method,
    receivedAt: request.received_at.toISOString(),
  };
}
