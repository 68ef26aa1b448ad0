import {
  DEFAULT_DEDUPE_WINDOW_SECONDS,
  DEFAULT_RESPONSE_TIMEOUT_MS,
  MAX_DEDUPE_WINDOW_SECONDS,
  MAX_RESPONSE_TIMEOUT_MS,
  TRIGGER_METHODS,
} from '@switchyard/engine';
import { useEffect, useId, useState } from 'react';
import { Button, Field, HelpTip, Switch, TextInput } from '../../../ui';
import { JARGON } from '../../../lib/jargon';
import { useBuilderContext, useBuilderState } from '../builder-context';
import type { BuilderIssue } from '../state/builder-issues';
import { ExpressionField } from '../steps/form-parts/ExpressionField';
import { FlowControlSetting } from './FlowControlSetting';
import {
  deliveryIdDescription,
  hasRespondStep,
  inUnit,
  ipIssueMessage,
  parseIpAllow,
  parseNumber,
  readMethods,
  scaled,
  toggleMethod,
  triggerIssuesFor,
  UNIT_BYTES,
  unitForBytes,
  type SizeUnit,
  type TriggerSettingField,
} from './trigger-settings';
import { readVerify } from './verify-settings';
import './TriggerSettings.css';

type Dedupe = { key?: string; windowSeconds?: number };
type Response = { mode?: 'immediate' | 'wait'; timeoutMs?: number };

function objectOr<T>(value: unknown): T | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as T) : undefined;
}

function useTriggerEditing() {
  const { store } = useBuilderContext();
  const trigger = useBuilderState((state) => state.draft.trigger);
  const issues = useBuilderState((state) => state.issues);
  const setField = (field: string, value: unknown) =>
    store.dispatch({ type: 'edit', operation: { type: 'setTriggerField', field, value } });
  const issuesOf = (field: TriggerSettingField) => triggerIssuesFor({ issues, field });
  return { trigger, issues, setField, issuesOf };
}

const messages = (issues: BuilderIssue[]) => issues.map((issue) => issue.message);

/**
 * Shown in the Security section when the chosen sender has a delivery id and dedupe is off: one click
 * turns deduplication on with the sender's id as the key.
 */
export function DedupeSuggestion() {
  const { trigger, setField } = useTriggerEditing();
  const source = deliveryIdDescription(readVerify(trigger));
  if (!source || trigger.dedupe) return null;
  return (
    <div className="sy-trigger-settings__suggestion" role="note">
      <p>
        This sender puts a unique delivery id in {source} and retries deliveries. Deduplicate them so that each delivery starts one run.
      </p>
      <Button size="sm" onClick={() => setField('dedupe', {})}>
        Deduplicate deliveries
      </Button>
    </div>
  );
}

function MethodsSetting() {
  const { trigger, setField, issuesOf } = useTriggerEditing();
  const methods = readMethods(trigger);
  const errors = messages(issuesOf('methods'));
  return (
    <fieldset className={errors.length ? 'sy-trigger-settings__group sy-field--invalid' : 'sy-trigger-settings__group'}>
      <legend className="sy-field__label">Accepted methods</legend>
      <p className="sy-field__description">Requests with another method are answered 405 and recorded.</p>
      <div className="sy-trigger-settings__checks">
        {TRIGGER_METHODS.map((method) => {
          const checked = methods.includes(method);
          return (
            <label key={method} className="sy-trigger-settings__check">
              <input
                type="checkbox"
                checked={checked}
                // At least one method stays accepted.
                disabled={checked && methods.length === 1}
                onChange={(event) => setField('methods', toggleMethod({ current: methods, method, checked: event.target.checked }))}
              />
              {method}
            </label>
          );
        })}
      </div>
      {errors.length ? (
        <ul className="sy-field__errors" role="alert">
          {errors.map((message, index) => (
            <li key={index}>{message}</li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}

function ConditionSetting() {
  const { trigger, setField, issuesOf } = useTriggerEditing();
  const condition = typeof trigger.condition === 'string' ? trigger.condition : '';
  return (
    <ExpressionField
      id="trigger-condition"
      label="Only run when"
      targetLabel="Trigger · Only run when"
      description={
        <>
          A JSONata <HelpTip label={JARGON.jsonata.label}>{JARGON.jsonata.text}</HelpTip> condition on the request (trigger.body,
          trigger.headers, trigger.query). When it is false the request is answered 200, recorded as filtered, and starts no run.
        </>
      }
      value={condition}
      onChange={(value) => setField('condition', value === '' ? undefined : value)}
      stepIndex={0}
      kind="condition"
      placeholder='trigger.body.type = "invoice.paid"'
      optional
      singleLine={false}
      issues={issuesOf('condition')}
    />
  );
}

function DedupeSetting() {
  const { trigger, setField, issuesOf } = useTriggerEditing();
  const id = useId();
  const dedupe = objectOr<Dedupe>(trigger.dedupe);
  const source = deliveryIdDescription(readVerify(trigger));
  const custom = dedupe?.key !== undefined || (dedupe !== undefined && !source);
  const update = (patch: Partial<Dedupe>) => {
    const next: Dedupe = { ...dedupe, ...patch };
    for (const key of Object.keys(next) as Array<keyof Dedupe>) if (next[key] === undefined) delete next[key];
    setField('dedupe', next);
  };
  const ownErrors = messages(issuesOf('dedupe'));
  return (
    <div className="sy-trigger-settings__group">
      <div className="sy-trigger-settings__switch-row">
        <div>
          <span className="sy-field__label">Deduplicate deliveries</span>
          <p className="sy-field__description">
            A delivery whose key was already seen inside the window is answered 200 with the first run’s id and starts nothing.
          </p>
        </div>
        <Switch checked={Boolean(dedupe)} label="Deduplicate deliveries" onChange={(on) => setField('dedupe', on ? {} : undefined)} />
      </div>
      {ownErrors.length ? (
        <ul className="sy-field__errors" role="alert">
          {ownErrors.map((message, index) => (
            <li key={index}>{message}</li>
          ))}
        </ul>
      ) : null}
      {dedupe ? (
        <div className="sy-trigger-settings__nested">
          <fieldset className="sy-trigger-settings__radios">
            <legend className="sy-visually-hidden">Deduplication key</legend>
            <label className="sy-trigger-settings__check">
              <input type="radio" name={`${id}-key`} checked={!custom} disabled={!source} onChange={() => update({ key: undefined })} />
              {source ? `The sender’s delivery id (${source})` : 'The sender’s delivery id (choose a sender with one under Security)'}
            </label>
            <label className="sy-trigger-settings__check">
              <input type="radio" name={`${id}-key`} checked={custom} onChange={() => update({ key: dedupe.key ?? '' })} />A custom key
              (JSONata)
            </label>
          </fieldset>
          {custom ? (
            <ExpressionField
              id="trigger-dedupe-key"
              label="Deduplication key"
              targetLabel="Trigger · Deduplication key"
              description="Deliveries with the same value count as one. An empty result means the request is not deduplicated."
              value={dedupe.key ?? ''}
              onChange={(value) => update({ key: value })}
              stepIndex={0}
              kind="value"
              placeholder="trigger.body.id"
              singleLine
              issues={issuesOf('dedupe.key')}
            />
          ) : null}
          <TextInput
            label="Remember keys for (hours)"
            type="number"
            min={1 / 3600}
            max={MAX_DEDUPE_WINDOW_SECONDS / 3600}
            step="any"
            inputMode="decimal"
            className="sy-trigger-settings__number"
            placeholder={String(DEFAULT_DEDUPE_WINDOW_SECONDS / 3600)}
            value={inUnit(dedupe.windowSeconds, 3600)}
            description={`Default ${DEFAULT_DEDUPE_WINDOW_SECONDS / 3600} hours, at most ${MAX_DEDUPE_WINDOW_SECONDS / 86_400} days.`}
            errors={messages(issuesOf('dedupe.windowSeconds'))}
            onChange={(text) => update({ windowSeconds: scaled(parseNumber(text), 3600) })}
          />
        </div>
      ) : null}
    </div>
  );
}

function IpAllowSetting() {
  const { trigger, setField, issuesOf } = useTriggerEditing();
  const id = useId();
  const stored = Array.isArray(trigger.ipAllow) ? (trigger.ipAllow as string[]) : [];
  const [text, setText] = useState(() => stored.join('\n'));
  // Keep the text when it means what is stored (blank lines, spaces); otherwise show the draft.
  useEffect(() => {
    if (parseIpAllow(text).entries.join('\n') !== stored.join('\n')) setText(stored.join('\n'));
    // Only a change of the draft re-syncs the text.
  }, [stored.join('\n')]);
  const parsed = parseIpAllow(text);
  const apiIssues = issuesOf('ipAllow');
  const errors = [
    ...parsed.problems.map((problem) => `Line ${problem.line}: ${problem.message}`),
    ...apiIssues
      .filter((issue) => !/^trigger\.ipAllow\[\d+\]/.test(issue.path) || parsed.problems.length === 0)
      .map((issue) => ipIssueMessage({ issue, entries: parsed.entries, lines: parsed.lines })),
  ];
  return (
    <Field
      label="Only accept requests from"
      htmlFor={`${id}-ip`}
      optional
      description="One IP address or CIDR range per line (IPv4 or IPv6, e.g. 192.0.2.0/24 or 2001:db8::/32). Other callers are answered 403. Empty: anyone may call."
      errors={errors}
      errorId={`${id}-ip-errors`}
    >
      <textarea
        id={`${id}-ip`}
        className="sy-input sy-trigger-settings__textarea"
        rows={3}
        spellCheck={false}
        placeholder={'192.0.2.0/24\n2001:db8::/32'}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={errors.length > 0 ? `${id}-ip-errors` : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          const entries = parseIpAllow(event.target.value).entries;
          setField('ipAllow', entries.length ? entries : undefined);
        }}
      />
    </Field>
  );
}

function ResponseSetting() {
  const { trigger, setField, issuesOf } = useTriggerEditing();
  const id = useId();
  const steps = useBuilderState((state) => state.draft.steps);
  const response = objectOr<Response>(trigger.response);
  const wait = response?.mode === 'wait';
  const noRespondStep = wait && !hasRespondStep(steps.map((entry) => entry.step));
  const errors = messages(issuesOf('response').filter((issue) => !issue.path.startsWith('trigger.response.timeoutMs')));
  return (
    <div className="sy-trigger-settings__group">
      <fieldset className="sy-trigger-settings__radios">
        <legend className="sy-field__label">Answer the sender</legend>
        <label className="sy-trigger-settings__check">
          <input type="radio" name={`${id}-mode`} checked={!wait} onChange={() => setField('response', undefined)} />
          At once: 202 with the run id
        </label>
        <label className="sy-trigger-settings__check">
          <input type="radio" name={`${id}-mode`} checked={wait} onChange={() => setField('response', { mode: 'wait' })} />
          Wait for the result: the workflow’s Respond step answers (forms, chat commands)
        </label>
      </fieldset>
      {errors.length ? (
        <ul className="sy-field__errors" role="alert">
          {errors.map((message, index) => (
            <li key={index}>{message}</li>
          ))}
        </ul>
      ) : null}
      {wait ? (
        <div className="sy-trigger-settings__nested">
          {noRespondStep ? (
            <p className="sy-trigger-settings__hint" role="note">
              This workflow has no Respond step yet: the sender gets 202 with the run id when the run ends or the timeout passes. Add a
              Respond step to choose the answer.
            </p>
          ) : null}
          <TextInput
            label="Give up after (seconds)"
            type="number"
            min={1}
            max={MAX_RESPONSE_TIMEOUT_MS / 1000}
            step="any"
            inputMode="decimal"
            className="sy-trigger-settings__number"
            placeholder={String(DEFAULT_RESPONSE_TIMEOUT_MS / 1000)}
            value={inUnit(response?.timeoutMs, 1000)}
            description={`Then the sender gets 202 with the run id. Default ${DEFAULT_RESPONSE_TIMEOUT_MS / 1000}, at most ${MAX_RESPONSE_TIMEOUT_MS / 1000}.`}
            errors={messages(issuesOf('response').filter((issue) => issue.path.startsWith('trigger.response.timeoutMs')))}
            onChange={(text) => {
              const timeoutMs = scaled(parseNumber(text), 1000);
              setField('response', timeoutMs === undefined ? { mode: 'wait' } : { mode: 'wait', timeoutMs });
            }}
          />
        </div>
      ) : null}
    </div>
  );
}

function LimitsSetting() {
  const { trigger, setField, issuesOf } = useTriggerEditing();
  const id = useId();
  const rateLimit = objectOr<{ perMinute?: number }>(trigger.rateLimit);
  const maxBodyBytes = typeof trigger.maxBodyBytes === 'number' ? trigger.maxBodyBytes : undefined;
  const [unit, setUnit] = useState<SizeUnit>(() => unitForBytes(maxBodyBytes));
  const bodyErrors = messages(issuesOf('maxBodyBytes'));
  return (
    <div className="sy-trigger-settings__row">
      <TextInput
        label="Requests per minute"
        type="number"
        min={1}
        step={1}
        inputMode="numeric"
        optional
        className="sy-trigger-settings__number"
        placeholder="No limit"
        value={rateLimit?.perMinute === undefined ? '' : String(rateLimit.perMinute)}
        description="Over the limit the sender gets 429 with Retry-After."
        errors={messages(issuesOf('rateLimit'))}
        onChange={(text) => {
          const perMinute = parseNumber(text);
          setField('rateLimit', perMinute === undefined ? undefined : { perMinute });
        }}
      />
      <Field
        label="Largest body"
        htmlFor={`${id}-size`}
        optional
        description="Larger requests get 413. Empty: the server’s limit."
        errors={bodyErrors}
      >
        <div className="sy-trigger-settings__size">
          <input
            id={`${id}-size`}
            className="sy-input sy-trigger-settings__number"
            type="number"
            min={0}
            step="any"
            inputMode="decimal"
            placeholder="Server limit"
            aria-invalid={bodyErrors.length > 0 || undefined}
            value={inUnit(maxBodyBytes, UNIT_BYTES[unit])}
            onChange={(event) => setField('maxBodyBytes', scaled(parseNumber(event.target.value), UNIT_BYTES[unit]))}
          />
          <select
            className="sy-select"
            aria-label="Body size unit"
            value={unit}
            onChange={(event) => {
              const next = event.target.value as SizeUnit;
              // The number stays as typed; the size follows the unit.
              if (maxBodyBytes !== undefined) setField('maxBodyBytes', Math.round((maxBodyBytes / UNIT_BYTES[unit]) * UNIT_BYTES[next]));
              setUnit(next);
            }}
          >
            <option value="KiB">KiB</option>
            <option value="MiB">MiB</option>
          </select>
        </div>
      </Field>
    </div>
  );
}

/** A one-line summary of what the advanced settings change, for the collapsed section. */
function summary(trigger: Record<string, unknown>): string {
  const parts: string[] = [];
  if (Array.isArray(trigger.methods)) parts.push((trigger.methods as string[]).join(', '));
  if (typeof trigger.condition === 'string' && trigger.condition) parts.push('condition');
  if (trigger.dedupe) parts.push('deduplicated');
  if (Array.isArray(trigger.ipAllow) && trigger.ipAllow.length)
    parts.push(`${trigger.ipAllow.length} allowed address${trigger.ipAllow.length === 1 ? '' : 'es'}`);
  if (objectOr<Response>(trigger.response)?.mode === 'wait') parts.push('waits for the result');
  if (trigger.rateLimit) parts.push('rate limit');
  if (trigger.maxBodyBytes !== undefined) parts.push('body limit');
  const flow = objectOr<{ mode?: string }>(trigger.flowControl);
  if (flow?.mode) parts.push(flow.mode);
  return parts.length ? parts.join(' · ') : 'defaults';
}

/**
 * "Advanced settings" of the webhook trigger: methods, a condition, dedupe, an IP allow-list, the
 * response mode and limits. Collapsed unless one of them has a problem to show.
 */
export function TriggerSettings() {
  const { trigger, issues } = useTriggerEditing();
  const [open, setOpen] = useState(false);
  const hasIssues = (
    [
      'methods',
      'condition',
      'dedupe',
      'dedupe.key',
      'dedupe.windowSeconds',
      'ipAllow',
      'response',
      'rateLimit',
      'maxBodyBytes',
      'flowControl',
    ] as const
  ).some((field) => triggerIssuesFor({ issues, field }).length > 0);
  // Opens by itself when a setting has a problem to show; otherwise the user opens and closes it.
  useEffect(() => {
    if (hasIssues) setOpen(true);
  }, [hasIssues]);
  return (
    <details className="sy-trigger-card__security sy-trigger-settings" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        Advanced settings <span className="sy-muted">· {summary(trigger)}</span>
      </summary>
      <div className="sy-trigger-card__security-body">
        <ConditionSetting />
        <DedupeSetting />
        <ResponseSetting />
        <MethodsSetting />
        <IpAllowSetting />
        <LimitsSetting />
        <FlowControlSetting />
      </div>
    </details>
  );
}
