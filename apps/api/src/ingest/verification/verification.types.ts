import type { TriggerSchemeName, TriggerVerify } from '@switchyard/engine';

/** One request as a verifier sees it: raw bytes, lower-case header names, the URL the sender called. */
export interface VerifyInput<S = Record<string, unknown>> {
  rawBody: Buffer;
  headers: Record<string, string | string[] | undefined>;
  method: string;
  /** The full public URL the sender called, with its query string as sent. */
  url: string;
  query: Record<string, unknown>;
  /** The trigger's active secrets (at most two), newest first. */
  secrets: string[];
  /** Epoch milliseconds. */
  now: number;
  /** The trigger's `verify` settings. */
  settings: S;
}

export type VerifyResult = { ok: true; deliveryId?: string } | { ok: false; reason: string };

export type Verifier<S = Record<string, unknown>> = (input: VerifyInput<S>) => VerifyResult;

/** The settings of one scheme, secrets left out. */
export type VerifySettings<N extends TriggerSchemeName> = Omit<Extract<TriggerVerify, { scheme: N }>, 'secrets' | 'secretHints'>;
