import { nextScheduleTimes, scheduleProblem } from '@switchyard/engine';
import { useId, useMemo } from 'react';
import { Field, Select } from '../../../../../ui';
import type { TriggerFormProps } from '../../web-trigger-kit';
import { describeCron } from './describe-cron';
import { presetOf, SCHEDULE_PRESETS } from './schedule-presets';

const ZONES = [
  'UTC',
  'Europe/Paris',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'Asia/Tokyo',
];

function formatIn(time: number, timezone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: timezone, dateStyle: 'full', timeStyle: 'short' }).format(time);
}

/** Presets or a cron pattern, the time zone and the catch-up policy; the pattern is echoed in words with its next five times. */
export function ScheduleTriggerForm({ trigger, set, readOnly }: TriggerFormProps) {
  const cron = typeof trigger.cron === 'string' ? trigger.cron : '';
  const timezone = typeof trigger.timezone === 'string' ? trigger.timezone : 'UTC';
  const catchUp = (trigger.catchUp ?? {}) as { policy?: string; limit?: number };
  const cronId = useId();
  const cronHelp = useId();
  const zoneId = useId();
  const problem = scheduleProblem({ cron, timezone });
  const next = useMemo(
    () => (problem ? [] : nextScheduleTimes({ cron, timezone, after: Date.now(), count: 5 })),
    [cron, timezone, problem],
  );
  return (
    <div className="sy-trigger-kit">
      <Select
        label="Repeat"
        value={presetOf(cron) ?? ''}
        disabled={readOnly}
        onChange={(value) => value && set('cron', value)}
        options={[...SCHEDULE_PRESETS.map((p) => ({ value: p.cron, label: p.label })), { value: '', label: 'Custom (cron pattern)' }]}
      />
      <Field
        label="Cron pattern"
        htmlFor={cronId}
        description="minute hour day-of-month month day-of-week"
        errors={problem?.field === 'cron' ? [`The pattern ${problem.message}`] : []}
        errorId={`${cronId}-errors`}
      >
        <input
          id={cronId}
          className="sy-input sy-input--mono"
          value={cron}
          readOnly={readOnly}
          aria-invalid={problem?.field === 'cron' || undefined}
          aria-describedby={problem?.field === 'cron' ? `${cronId}-errors` : cronHelp}
          onChange={(event) => set('cron', event.target.value)}
        />
      </Field>
      <p id={cronHelp} className="sy-trigger-kit__echo" data-testid="cron-echo">
        {describeCron(cron)}
      </p>
      <Field
        label="Time zone"
        htmlFor={zoneId}
        errors={problem?.field === 'timezone' ? [`The time zone ${problem.message}`] : []}
        errorId={`${zoneId}-errors`}
      >
        <input
          id={zoneId}
          className="sy-input"
          list={`${zoneId}-list`}
          value={timezone}
          readOnly={readOnly}
          onChange={(event) => set('timezone', event.target.value)}
        />
        <datalist id={`${zoneId}-list`}>
          {ZONES.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </Field>
      <Select
        label="After downtime"
        value={catchUp.policy ?? 'skip'}
        disabled={readOnly}
        onChange={(policy) => set('catchUp', policy === 'skip' ? undefined : { policy, limit: catchUp.limit ?? 10 })}
        options={[
          { value: 'skip', label: 'Skip the missed times' },
          { value: 'once', label: 'Run once for all missed times' },
          { value: 'each', label: 'Run each missed time (up to 10)' },
        ]}
      />
      {next.length > 0 ? (
        <div>
          <span className="sy-field__label">Next five times</span>
          <ol className="sy-trigger-kit__times" aria-label="Next five times">
            {next.map((time) => (
              <li key={time}>{formatIn(time, timezone)}</li>
            ))}
          </ol>
        </div>
      ) : null}
    </div>
  );
}
