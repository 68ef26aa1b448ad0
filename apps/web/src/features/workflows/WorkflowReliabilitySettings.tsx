import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, patchWorkflow, queryKeys, type Workflow } from '../../api';
import { Button, Card, TextInput } from '../../ui';
import { useAuthState } from '../auth/use-auth';
import { useCan } from '../workspaces/use-role';
import { reliabilityForm, reliabilityPatch, type ReliabilityForm } from './reliability-form';

/**
 * Concurrency limit, auto-replay of failed runs, dead-letter alerts and watch alerts (quiet
 * workflow, refused-requests spike) of one workflow (docs/reliability.md). Read-only for viewers; the e-mail field needs the server's SMTP relay.
 */
export function WorkflowReliabilitySettings({ workflow }: { workflow: Workflow }) {
  const queryClient = useQueryClient();
  const canEdit = useCan('workflow.edit');
  const serverEmail = useAuthState().data?.features?.email ?? false;
  const [form, setForm] = useState<ReliabilityForm>(() => reliabilityForm(workflow));
  useEffect(() => setForm(reliabilityForm(workflow)), [workflow]);
  const save = useMutation({
    mutationFn: () => patchWorkflow({ id: workflow.id, patch: reliabilityPatch(form) }),
    onSuccess: (saved) =>
      queryClient.setQueryData(queryKeys.workflow(workflow.id), (old: Workflow | undefined) => (old ? { ...old, ...saved } : saved)),
  });
  const errors = (path: string) =>
    save.error instanceof ApiError
      ? save.error.details
          .filter((d) => d.path === path || d.path.startsWith(`${path}.`) || d.path.startsWith(`${path}[`))
          .map((d) => d.message)
      : [];
  const exactErrors = (path: string) =>
    save.error instanceof ApiError ? save.error.details.filter((d) => d.path === path).map((d) => d.message) : [];
  const update = (change: Partial<ReliabilityForm>) => setForm((old) => ({ ...old, ...change }));

  return (
    <Card
      id="workflow-reliability"
      title="Reliability"
      description={
        canEdit
          ? 'How many runs at once, and what happens to runs that fail.'
          : 'How many runs at once, and what happens to runs that fail. Viewers cannot change these settings.'
      }
    >
      <form
        className="sy-workflow__reliability"
        onSubmit={(event) => {
          event.preventDefault();
          if (canEdit) save.mutate();
        }}
      >
        <fieldset disabled={!canEdit} className="sy-workflow__reliability-fields">
          <TextInput
            label="Concurrent runs"
            description="Most runs of this workflow executing at once, across all workers. The others wait in arrival order. Blank: no limit."
            inputMode="numeric"
            optional
            value={form.concurrency}
            onChange={(concurrency) => update({ concurrency })}
            errors={errors('concurrency')}
          />
          <label className="sy-workflow__reliability-check">
            <input type="checkbox" checked={form.autoReplay} onChange={(event) => update({ autoReplay: event.target.checked })} />
            <span>Replay failed runs automatically</span>
          </label>
          <TextInput
            label="Replay schedule"
            description="Delays between attempts, such as 1m, 10m, 1h, 6h. When they are used up the run becomes a dead letter."
            value={form.schedule}
            disabled={!form.autoReplay}
            onChange={(schedule) => update({ schedule })}
            errors={errors('autoReplay')}
          />
          <TextInput
            label="Dead-letter alert URL"
            description="Receives a JSON POST when a run becomes a dead letter."
            type="url"
            optional
            value={form.alertUrl}
            onChange={(alertUrl) => update({ alertUrl })}
            errors={errors('alerts.webhookUrl')}
          />
          <TextInput
            label="Dead-letter alert e-mail"
            description={
              serverEmail
                ? 'Addresses told when a run becomes a dead letter, separated by commas.'
                : 'Not available: this server has no SMTP server configured (SWITCHYARD_SMTP_URL, see docs/reliability.md).'
            }
            type="text"
            inputMode="email"
            autoComplete="off"
            optional
            value={form.alertEmail}
            // Kept editable while it holds addresses, so they can be removed after SMTP was switched off.
            disabled={!serverEmail && !form.alertEmail.trim()}
            onChange={(alertEmail) => update({ alertEmail })}
            errors={errors('alerts.email')}
          />
          <TextInput
            label="At most one alert every (minutes)"
            inputMode="numeric"
            value={form.alertInterval}
            disabled={!form.alertUrl.trim() && !form.alertEmail.trim() && !form.quietHours.trim() && !form.spikeCount.trim()}
            onChange={(alertInterval) => update({ alertInterval })}
            errors={errors('alerts.minIntervalMinutes')}
          />
          <TextInput
            label="Alert when quiet for (hours)"
            description="Alert once when no request was accepted for this long, for example 24 for a daily sender. Blank: off."
            inputMode="decimal"
            optional
            value={form.quietHours}
            onChange={(quietHours) => update({ quietHours })}
            errors={errors('alerts.quietHours')}
          />
          <TextInput
            label="Requests are expected"
            description="Only this time counts towards the quiet hours: 08:00-18:00 mon-fri, or a cron pattern such as * 9-17 * * 1-5. Blank: always."
            optional
            value={form.quietExpected}
            disabled={!form.quietHours.trim()}
            onChange={(quietExpected) => update({ quietExpected })}
            errors={exactErrors('alerts.quietSchedule').concat(
              errors('alerts.quietSchedule.from'),
              errors('alerts.quietSchedule.to'),
              errors('alerts.quietSchedule.days'),
              errors('alerts.quietSchedule.cron'),
            )}
          />
          <TextInput
            label="Time zone of the expected hours"
            description="An IANA time zone such as Europe/Paris. Blank: UTC."
            optional
            value={form.quietTimezone}
            disabled={!form.quietHours.trim() || !form.quietExpected.trim()}
            onChange={(quietTimezone) => update({ quietTimezone })}
            errors={errors('alerts.quietSchedule.timezone')}
          />
          <TextInput
            label="Alert when refused requests reach"
            description="Alert once when this many requests are refused (bad signature, address, size, rate) within the minutes below. Blank: off."
            inputMode="numeric"
            optional
            value={form.spikeCount}
            onChange={(spikeCount) => update({ spikeCount })}
            errors={exactErrors('alerts.refusedSpike').concat(errors('alerts.refusedSpike.count'))}
          />
          <TextInput
            label="Within (minutes)"
            inputMode="numeric"
            value={form.spikeMinutes}
            disabled={!form.spikeCount.trim()}
            onChange={(spikeMinutes) => update({ spikeMinutes })}
            errors={errors('alerts.refusedSpike.minutes')}
          />
        </fieldset>
        {canEdit ? (
          <div>
            <Button type="submit" variant="primary" loading={save.isPending}>
              Save reliability settings
            </Button>
            {save.isSuccess ? <span className="sy-muted"> Saved.</span> : null}
            {save.isError && !(save.error instanceof ApiError && save.error.details.length > 0) ? (
              <span role="alert"> {save.error.message}</span>
            ) : null}
          </div>
        ) : null}
      </form>
    </Card>
  );
}
