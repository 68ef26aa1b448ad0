import jsonata from 'jsonata';
import { LRUCache } from 'lru-cache';
import { ExpressionError } from './expression-error';
import { DEFAULT_EXPRESSION_LIMITS, type ExpressionLimits } from './expression-limits';
import type { FunctionRuntime } from './functions/function-error';
import { FUNCTION_LIBRARY } from './functions/function-library';
import { randomUuid } from './functions/uuid';
import { Re2RegexEngine } from './re2-regex-engine';
import { sanitizeValue } from './sanitize-value';

/** A compiled, cached JSONata expression. Never assign per-request state to it. */
export type CompiledExpression = jsonata.Expression;

/** Options of one evaluation. */
export interface EvaluateOptions {
  /** Overrides of {@link DEFAULT_EXPRESSION_LIMITS}. */
  limits?: Partial<ExpressionLimits>;
  /** Variables visible as `$name` in the expression. */
  bindings?: Record<string, unknown>;
  /** The instant `$now()` and `$millis()` return, in epoch milliseconds (recorded per run). */
  now?: number;
  /** What `$uuid()` returns (the host's id port); default: a random UUID of the platform. */
  uuid?: () => string;
  /** Skip turning the result into plain JSON (used by the JSONata conformance suite). */
  raw?: boolean;
}

type Host = { yieldToHost: () => Promise<void> };

const host: Host = { yieldToHost: () => new Promise((resolve) => setTimeout(resolve, 0)) };

/**
 * Lets the host choose how a long evaluation gives way to other work (e.g. `setImmediate` in
 * Node.js). Long evaluations yield every few milliseconds, so one hostile expression delays other
 * runs and requests by at most that much instead of stalling them for its whole time budget.
 */
export function configureExpressionRuntime(params: Partial<Host>): void {
  if (params.yieldToHost) host.yieldToHost = params.yieldToHost;
}

const YIELD_AFTER_MS = 8;
const STATE = Symbol('switchyard.evaluationState');
const ENTRY = Symbol.for('jsonata.__evaluate_entry');
const EXIT = Symbol.for('jsonata.__evaluate_exit');

interface EvaluationState {
  steps: number;
  allocated: number;
  lastYield: number;
}

const cache = new LRUCache<string, CompiledExpression | ExpressionError>({ max: 5000 });

function limitsKey(limits: ExpressionLimits): string {
  return `${limits.timeoutMs}|${limits.maxDepth}|${limits.maxSequenceLength}|${limits.maxAllocatedItems}|${limits.maxStringLength}`;
}

function resolveLimits(overrides?: Partial<ExpressionLimits>): ExpressionLimits {
  return overrides ? { ...DEFAULT_EXPRESSION_LIMITS, ...overrides } : DEFAULT_EXPRESSION_LIMITS;
}

/**
 * Compiles a JSONata expression once per (text, limits) and keeps it in an LRU cache of 5,000
 * entries. Throws {@link ExpressionError} of kind `syntax` with the position and token.
 */
export function compileExpression(source: string, overrides?: Partial<ExpressionLimits>): CompiledExpression {
  const limits = resolveLimits(overrides);
  const key = `${limitsKey(limits)}\u0000${source}`;
  const hit = cache.get(key);
  if (hit instanceof ExpressionError) throw hit;
  if (hit) return hit;
  let compiled: CompiledExpression;
  try {
    compiled = jsonata(source, {
      RegexEngine: Re2RegexEngine as unknown as RegExpConstructor,
      timeout: limits.timeoutMs,
      stack: limits.maxDepth,
      sequence: limits.maxSequenceLength,
    } as jsonata.JsonataOptions);
  } catch (err) {
    const error = toExpressionError(err, 'syntax');
    cache.set(key, error);
    throw error;
  }
  installGuards(compiled, limits);
  cache.set(key, compiled);
  return compiled;
}

/** Returns the syntax error of an expression, or `null` when it compiles. */
export function checkExpressionSyntax(source: string): ExpressionError | null {
  try {
    compileExpression(source);
    return null;
  } catch (err) {
    return err as ExpressionError;
  }
}

/**
 * Evaluates an untrusted JSONata expression against `input` within the limits, and returns plain
 * JSON data. Every failure, including limit violations, is an {@link ExpressionError}.
 */
export async function evaluateExpression(source: string, input: unknown, options: EvaluateOptions = {}): Promise<unknown> {
  const limits = resolveLimits(options.limits);
  const compiled = compileExpression(source, options.limits);
  const bindings: Record<string, unknown> = { ...options.bindings };
  if (options.now !== undefined) {
    const now = options.now;
    bindings.now = (picture?: string, timezone?: string) =>
      picture === undefined && timezone === undefined ? new Date(now).toISOString() : formatMillis(now, picture, timezone);
    bindings.millis = () => now;
  }
  if (options.uuid) bindings.uuid = options.uuid;
  let result: unknown;
  try {
    result = await compiled.evaluate(input, bindings);
  } catch (err) {
    throw toExpressionError(err, 'evaluation');
  }
  if (options.raw) return result;
  return sanitizeValue({ value: result, maxDepth: limits.maxDataDepth, maxBytes: limits.maxOutputBytes });
}

function formatMillis(millis: number, picture?: string, timezone?: string): Promise<unknown> {
  return compileExpression('$fromMillis($ms, $picture, $timezone)').evaluate({}, { ms: millis, picture, timezone });
}

function installGuards(compiled: CompiledExpression, limits: ExpressionLimits): void {
  compiled.assign(ENTRY as unknown as string, (_expr: unknown, _input: unknown, env: { base: Record<symbol, EvaluationState> }) => {
    const state = (env.base[STATE] ??= { steps: 0, allocated: 0, lastYield: Date.now() });
    if ((++state.steps & 127) === 0) {
      const now = Date.now();
      if (now - state.lastYield >= YIELD_AFTER_MS) {
        state.lastYield = now;
        return host.yieldToHost().then(() => {
          state.lastYield = Date.now();
        });
      }
    }
    return undefined;
  });
  compiled.assign(
    EXIT as unknown as string,
    (_expr: unknown, _input: unknown, env: { base: Record<symbol, EvaluationState> }, result: unknown) => {
      if (typeof result === 'string') {
        if (result.length > limits.maxStringLength) {
          throw { code: 'LIMIT_STRING', message: `A string longer than ${limits.maxStringLength} characters was produced` };
        }
        if (result.length > 1024) charge(env, Math.ceil(result.length / 1000), limits);
      } else if (Array.isArray(result) && result.length > 16) {
        charge(env, result.length, limits);
      }
    },
  );
  compiled.registerFunction(
    'pad',
    (str: string | undefined, width: number, char?: string) => {
      if (str === undefined) return undefined;
      if (Math.abs(width) > limits.maxStringLength) {
        throw { code: 'LIMIT_STRING', message: `$pad width ${width} exceeds the limit of ${limits.maxStringLength} characters` };
      }
      return padString(str, width, char);
    },
    '<s-ns?:s>',
  );
  compiled.registerFunction('uuid', () => randomUuid(), '<:s>');
  for (const fn of FUNCTION_LIBRARY) {
    compiled.registerFunction(
      fn.name,
      function (this: jsonata.Focus, ...args: unknown[]) {
        return fn.implementation(functionRuntime(this.environment as unknown as JsonataEnvironment, limits), ...args);
      },
      fn.signature,
    );
  }
}

/** The environment JSONata passes to functions as `this.environment`. */
interface JsonataEnvironment {
  base: Record<symbol, EvaluationState> & { guardrails?: () => void };
}

/**
 * Lets a library function doing long work (hashing, slugifying a huge text) honour the evaluation's
 * time budget and give the event loop a turn, like the evaluator's own steps do.
 */
function functionRuntime(environment: JsonataEnvironment, limits: ExpressionLimits): FunctionRuntime {
  return {
    limits,
    tick: () => {
      environment.base.guardrails?.();
      const state = (environment.base[STATE] ??= { steps: 0, allocated: 0, lastYield: Date.now() });
      const now = Date.now();
      if (now - state.lastYield < YIELD_AFTER_MS) return undefined;
      state.lastYield = now;
      return host.yieldToHost().then(() => {
        state.lastYield = Date.now();
      });
    },
  };
}

function charge(env: { base: Record<symbol, EvaluationState> }, amount: number, limits: ExpressionLimits): void {
  const state = (env.base[STATE] ??= { steps: 0, allocated: 0, lastYield: Date.now() });
  state.allocated += amount;
  if (state.allocated > limits.maxAllocatedItems) {
    throw {
      code: 'LIMIT_ALLOCATION',
      message: `The expression built more than ${limits.maxAllocatedItems} items; simplify it or work on less data`,
    };
  }
}

function padString(str: string, width: number, char?: string): string {
  const padChar = char === undefined || char.length === 0 ? ' ' : char;
  const w = Math.trunc(width);
  const missing = Math.abs(w) - countCodePoints(str);
  if (missing <= 0) return str;
  // Built with repeat, not an array of characters: a 16-million-character pad takes milliseconds.
  const unit = Array.from(padChar);
  const padding = padChar.repeat(Math.floor(missing / unit.length)) + unit.slice(0, missing % unit.length).join('');
  return w > 0 ? str + padding : padding + str;
}

function countCodePoints(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

const LIMIT_CODES = new Set([
  'LIMIT_TIMEOUT',
  'LIMIT_DEPTH',
  'LIMIT_SEQUENCE',
  'LIMIT_STRING',
  'LIMIT_ALLOCATION',
  'LIMIT_OUTPUT',
  'LIMIT_DATA_DEPTH',
]);

/** JSONata's guardrail codes, reported under the engine's documented limit codes. */
const GUARDRAIL_CODES: Record<string, string> = { D1011: 'LIMIT_DEPTH', D1012: 'LIMIT_TIMEOUT', D2015: 'LIMIT_SEQUENCE' };

function toExpressionError(err: unknown, phase: 'syntax' | 'evaluation'): ExpressionError {
  if (err instanceof ExpressionError) return err;
  if (err instanceof RangeError) {
    return new ExpressionError({
      code: 'LIMIT_DEPTH',
      kind: 'limit',
      message: `The expression or its data is too deep: ${err.message}`,
      cause: err,
    });
  }
  const e = (err ?? {}) as { code?: string; message?: string; position?: number; token?: string };
  const code = (e.code !== undefined ? GUARDRAIL_CODES[e.code] : undefined) ?? e.code ?? 'EVALUATION_ERROR';
  const kind = LIMIT_CODES.has(code) ? 'limit' : phase;
  return new ExpressionError({
    code,
    kind,
    message: e.message ?? String(err),
    position: typeof e.position === 'number' ? e.position : undefined,
    token: typeof e.token === 'string' ? e.token : undefined,
    cause: err,
  });
}
