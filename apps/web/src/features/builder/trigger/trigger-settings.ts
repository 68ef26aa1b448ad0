import { DEFAULT_TRIGGER_METHODS, TRIGGER_METHODS, TRIGGER_SCHEMES } from '@switchyard/engine';
import type { BuilderIssue } from '../state/builder-issues';

/* ------------------------------------------------------------------ IP allow-list */

const IPV4_OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${IPV4_OCTET}(?:\\.${IPV4_OCTET}){3}$`);
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

export function isIpv4(text: string): boolean {
  return IPV4.test(text);
}

/** An IPv6 address: up to 8 hex groups, one `::`, optionally ending in an IPv4 address. No zone id. */
export function isIpv6(text: string): boolean {
  if (!text.includes(':') || text.includes(':::')) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groupsOf = (part: string): string[] | null => (part === '' ? [] : part.split(':'));
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  if (!head || !tail) return false;
  const all = [...head, ...tail];
  let count = 0;
  for (let index = 0; index < all.length; index += 1) {
    const group = all[index];
    const last = index === all.length - 1;
    if (last && group.includes('.')) {
      if (!isIpv4(group)) return false;
      count += 2;
    } else if (HEX_GROUP.test(group)) count += 1;
    else return false;
  }
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** An IPv4 or IPv6 address, or a CIDR range of either (`192.0.2.0/24`, `2001:db8::/32`). */
export function isIpOrCidr(text: string): boolean {
  const [address, prefix, ...rest] = text.split('/');
  if (rest.length > 0) return false;
  const v4 = isIpv4(address);
  const v6 = !v4 && isIpv6(address);
  if (!v4 && !v6) return false;
  if (prefix === undefined) return true;
  if (!/^(?:0|[1-9]\d{0,2})$/.test(prefix)) return false;
  return Number(prefix) <= (v4 ? 32 : 128);
}

export interface IpListProblem {
  /** 1-based line of the textarea. */
  line: number;
  text: string;
  message: string;
}

/** The entries of the allow-list textarea (one per line, blank lines skipped) and the invalid ones. */
export function parseIpAllow(text: string): { entries: string[]; lines: number[]; problems: IpListProblem[] } {
  const entries: string[] = [];
  const lines: number[] = [];
  const problems: IpListProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const entry = raw.trim();
    if (!entry) return;
    entries.push(entry);
    lines.push(index + 1);
    if (!isIpOrCidr(entry))
      problems.push({ line: index + 1, text: entry, message: `“${entry}” is not an IP address or CIDR range such as 192.0.2.0/24` });
  });
  return { entries, lines, problems };
}

/* ------------------------------------------------------------------ methods */

export type TriggerMethod = (typeof TRIGGER_METHODS)[number];

export function readMethods(trigger: Record<string, unknown>): TriggerMethod[] {
  const methods = trigger.methods;
  return Array.isArray(methods)
    ? (methods.filter((method) => (TRIGGER_METHODS as readonly string[]).includes(method)) as TriggerMethod[])
    : [...DEFAULT_TRIGGER_METHODS];
}

/** The `methods` field after (un)checking one; the default set is written as "omitted". Never empty. */
export function toggleMethod(params: { current: TriggerMethod[]; method: TriggerMethod; checked: boolean }): TriggerMethod[] | undefined {
  const { current, method, checked } = params;
  const next = TRIGGER_METHODS.filter((candidate) => (candidate === method ? checked : current.includes(candidate)));
  if (next.length === 0) return current;
  const isDefault =
    next.length === DEFAULT_TRIGGER_METHODS.length && next.every((candidate) => DEFAULT_TRIGGER_METHODS.includes(candidate));
  return isDefault ? undefined : next;
}

/* ------------------------------------------------------------------ dedupe */

/** Where the sender's delivery id comes from, in words, or null when the scheme has none. */
export function deliveryIdDescription(verify: { scheme: string; [key: string]: unknown } | null): string | null {
  if (!verify) return null;
  if (verify.scheme === 'hmac') {
    return typeof verify.deliveryIdHeader === 'string' && verify.deliveryIdHeader ? `the ${verify.deliveryIdHeader} header` : null;
  }
  const source = TRIGGER_SCHEMES.find((scheme) => scheme.name === verify.scheme)?.deliveryId;
  if (!source) return null;
  return source.from === 'header' ? `the ${source.name} header` : `the body field ${source.path}`;
}

/* ------------------------------------------------------------------ sizes and numbers */

export type SizeUnit = 'KiB' | 'MiB';
export const UNIT_BYTES: Record<SizeUnit, number> = { KiB: 1024, MiB: 1024 * 1024 };

/** The unit a stored byte count reads best in. */
export function unitForBytes(bytes: number | undefined): SizeUnit {
  return bytes !== undefined && bytes >= UNIT_BYTES.MiB && bytes % UNIT_BYTES.MiB === 0 ? 'MiB' : bytes === undefined ? 'MiB' : 'KiB';
}

/** A number input's text as a number: blank is undefined, anything unparsable too. */
export function parseNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** `value * factor` rounded to an integer (hours → seconds...), undefined stays undefined. */
export function scaled(value: number | undefined, factor: number): number | undefined {
  return value === undefined ? undefined : Math.round(value * factor);
}

/** A stored amount shown in a larger unit, without float noise (`5400 s` → `1.5` hours). */
export function inUnit(value: unknown, factor: number): string {
  if (typeof value !== 'number') return '';
  return String(Math.round((value / factor) * 1000) / 1000);
}

/* ------------------------------------------------------------------ respond steps */

/** Whether a `respond` step exists anywhere in the steps (also inside branches and loops). */
export function hasRespondStep(steps: unknown): boolean {
  if (Array.isArray(steps)) return steps.some(hasRespondStep);
  if (!steps || typeof steps !== 'object') return false;
  const record = steps as Record<string, unknown>;
  if (record.type === 'respond') return true;
  return Object.values(record).some((value) => value !== null && typeof value === 'object' && hasRespondStep(value));
}

/* ------------------------------------------------------------------ issues per field */

/** The trigger settings each section owns, by the API path (after `trigger.`). */
export type TriggerSettingField =
  | 'methods'
  | 'condition'
  | 'dedupe'
  | 'dedupe.key'
  | 'dedupe.windowSeconds'
  | 'ipAllow'
  | 'response'
  | 'rateLimit'
  | 'maxBodyBytes'
  | 'flowControl';

function relativePath(issue: BuilderIssue): string {
  return issue.path.replace(/^trigger\.?/, '');
}

/** Whether `path` (e.g. `ipAllow[1]`, `dedupe.key`) is `field` or below it. */
function under(path: string, field: string): boolean {
  return path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);
}

/**
 * The trigger issues of one setting. `dedupe` takes only what `dedupe.key` and
 * `dedupe.windowSeconds` do not; the rest of a section takes all below it.
 */
export function triggerIssuesFor(params: { issues: BuilderIssue[]; field: TriggerSettingField }): BuilderIssue[] {
  const { issues, field } = params;
  return issues.filter((issue) => {
    if (issue.target !== 'trigger') return false;
    const path = relativePath(issue);
    if (field === 'dedupe') return under(path, 'dedupe') && !under(path, 'dedupe.key') && !under(path, 'dedupe.windowSeconds');
    return under(path, field);
  });
}

const SETTINGS_ROOTS = ['methods', 'condition', 'dedupe', 'ipAllow', 'response', 'rateLimit', 'maxBodyBytes', 'flowControl'];

/** Trigger issues no advanced setting shows (the signature scheme, the trigger as a whole): the Security section lists them. */
export function securityIssues(issues: BuilderIssue[]): BuilderIssue[] {
  return issues.filter((issue) => issue.target === 'trigger' && !SETTINGS_ROOTS.some((root) => under(relativePath(issue), root)));
}

/** The message of an allow-list issue, naming the line it is about (`trigger.ipAllow[1]` → line 2). */
export function ipIssueMessage(params: { issue: BuilderIssue; entries: string[]; lines: number[] }): string {
  const { issue, entries, lines } = params;
  const match = /^ipAllow\[(\d+)\]/.exec(relativePath(issue));
  if (!match) return issue.message;
  const index = Number(match[1]);
  const line = lines[index] ?? index + 1;
  const entry = entries[index];
  return `Line ${line}${entry ? ` (${entry})` : ''}: ${issue.message}`;
}

/* ------------------------------------------------------------------ secrets and rotation */

/**
 * The `secrets` sent for what the user typed: nothing typed keeps the stored secrets (omitted); with
 * a new secret for rotation both are sent, the new one first (`[new, current]`), so both are accepted.
 */
export function secretsFromFields(fields: { current: string; next: string }): string[] | undefined {
  const current = fields.current;
  const next = fields.next;
  if (!current && !next) return undefined;
  if (!next) return [current];
  if (!current) return [next];
  return [next, current];
}

/** What the secret fields show for the draft's `secrets`: `[a]` is the current secret, `[new, current]` a rotation. */
export function fieldsFromSecrets(secrets: unknown): { current: string; next: string } {
  if (!Array.isArray(secrets) || secrets.length === 0) return { current: '', next: '' };
  if (secrets.length === 1) return { current: String(secrets[0]), next: '' };
  return { current: String(secrets[1]), next: String(secrets[0]) };
}
