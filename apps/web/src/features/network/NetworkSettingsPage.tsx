import { useEffect, useId, useState } from 'react';
import { Badge, Button, Card, ErrorState, Field, LoadingState, TextInput } from '../../ui';
import { allDetailsShown, fieldErrors } from '../settings/field-errors';
import { triggerReachability } from '../../lib/reachability';
import { egressLineErrors, parseEgressLines } from './egress-lines';
import { ReachabilityHelp } from './ReachabilityHelp';
import {
  useEgressCheck,
  useInstanceSettings,
  useUpdateInstanceSettings,
  useUpdateWorkspaceSettings,
  useWorkspaceSettings,
} from './use-settings';
import './NetworkSettingsPage.css';

function PublicUrlCard() {
  const settings = useInstanceSettings();
  const update = useUpdateInstanceSettings();
  const [value, setValue] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (settings.data) setValue(settings.data.publicUrl ?? '');
  }, [settings.data]);
  if (settings.isPending) return <LoadingState label="Loading the public address…" />;
  if (settings.isError) return <ErrorState title="Could not load the instance settings" error={settings.error} />;
  const s = settings.data;
  const unreachable = triggerReachability({ url: s.effectivePublicUrl });
  return (
    <Card
      title="Public address"
      description="The start of every trigger URL, invite link and run link. Apps like GitHub and Stripe must be able to reach it from the internet."
    >
      <p className="sy-network__current">
        In use: <code>{s.effectivePublicUrl}</code>{' '}
        {s.publicUrl ? <Badge tone="accent">Set here</Badge> : <Badge>From SWITCHYARD_PUBLIC_URL</Badge>}
        {unreachable ? <Badge tone="warning">Not reachable from the internet</Badge> : null}
      </p>
      {unreachable ? <ReachabilityHelp unreachable={unreachable} /> : null}
      {s.canEdit ? (
        <form
          className="sy-settings__form"
          onSubmit={(event) => {
            event.preventDefault();
            setSaved(false);
            update.mutate({ publicUrl: value.trim() || null }, { onSuccess: () => setSaved(true) });
          }}
        >
          <TextInput
            label="Public base URL"
            description={`Leave empty to use the environment’s: ${s.environmentPublicUrl}`}
            placeholder="https://hooks.example.com"
            value={value}
            onChange={(v) => {
              setValue(v);
              setSaved(false);
            }}
            errors={fieldErrors({ error: update.error, path: 'publicUrl' })}
            inputMode="url"
            autoComplete="off"
          />
          <div className="sy-settings__form-actions">
            <Button type="submit" variant="primary" icon="save" loading={update.isPending}>
              Save public address
            </Button>
            {saved ? (
              <span role="status" className="sy-network__saved">
                Saved: trigger URLs use it now.
              </span>
            ) : null}
          </div>
        </form>
      ) : (
        <p className="sy-settings__note">Only owners of the Default workspace (the one created at setup) can change it.</p>
      )}
      {update.isError && !allDetailsShown({ error: update.error, paths: ['publicUrl'] }) ? (
        <ErrorState title="Could not save the public address" error={update.error} />
      ) : null}
    </Card>
  );
}

function AllowListCard() {
  const settings = useWorkspaceSettings();
  const update = useUpdateWorkspaceSettings();
  const [text, setText] = useState('');
  const [saved, setSaved] = useState(false);
  const id = useId();
  useEffect(() => {
    if (settings.data) setText(settings.data.egressAllow.join('\n'));
  }, [settings.data]);
  if (settings.isPending) return <LoadingState label="Loading the allowed private hosts…" />;
  if (settings.isError) return <ErrorState title="Could not load the workspace settings" error={settings.error} />;
  const entries = parseEgressLines({ text });
  const errors = egressLineErrors({ error: update.error, entries });
  return (
    <Card
      title="Allowed private hosts"
      description="HTTP steps may not call private, loopback or link-local addresses, so a workflow cannot reach into your network by accident. List here the on-premises services this workspace may call (a Mattermost on 10.0.0.8, a LAN service). Takes effect at once, no restart."
    >
      <form
        className="sy-settings__form sy-network__form"
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          update.mutate({ egressAllow: entries }, { onSuccess: () => setSaved(true) });
        }}
      >
        <Field
          label="Hosts and ranges, one per line"
          htmlFor={id}
          description="A host name (chat.lan), a suffix (*.corp.example), an address (10.0.0.8) or a range (10.0.0.0/8, fd00::/8)."
          errors={errors}
          errorId={`${id}-errors`}
        >
          <textarea
            id={id}
            className="sy-input sy-network__textarea"
            rows={5}
            value={text}
            spellCheck={false}
            aria-invalid={errors.length > 0 || undefined}
            aria-describedby={errors.length > 0 ? `${id}-errors` : undefined}
            onChange={(event) => {
              setText(event.target.value);
              setSaved(false);
            }}
          />
        </Field>
        {settings.data.environmentEgressAllow.length > 0 ? (
          <p className="sy-settings__note">
            Allowed for every workspace by the server’s SWITCHYARD_EGRESS_ALLOW:{' '}
            <code>{settings.data.environmentEgressAllow.join(', ')}</code>
          </p>
        ) : null}
        <div className="sy-settings__form-actions">
          <Button type="submit" variant="primary" icon="save" loading={update.isPending}>
            Save allowed hosts
          </Button>
          {saved ? (
            <span role="status" className="sy-network__saved">
              Saved: HTTP steps can reach them now.
            </span>
          ) : null}
        </div>
      </form>
      {update.isError && errors.length === 0 ? <ErrorState title="Could not save the allowed hosts" error={update.error} /> : null}
    </Card>
  );
}

function CheckUrlCard() {
  const [value, setValue] = useState('');
  const [url, setUrl] = useState<string | null>(null);
  const check = useEgressCheck({ url });
  return (
    <Card title="Check a URL" description="Would an HTTP step of this workspace be allowed to call it? Nothing is sent.">
      <form
        className="sy-settings__form"
        onSubmit={(event) => {
          event.preventDefault();
          setUrl(value.trim() || null);
        }}
      >
        <TextInput label="URL" placeholder="http://10.0.0.8:8065/hooks/abc" value={value} onChange={setValue} inputMode="url" />
        <div className="sy-settings__form-actions">
          <Button type="submit" icon="search" loading={check.isFetching}>
            Check
          </Button>
        </div>
      </form>
      {check.data ? (
        <p role="status" className={check.data.allowed ? 'sy-network__verdict sy-network__verdict--ok' : 'sy-network__verdict'}>
          {check.data.allowed
            ? `Allowed${check.data.allowedBy === 'workspace' ? ' by this workspace’s list' : check.data.allowedBy === 'environment' ? ' by SWITCHYARD_EGRESS_ALLOW' : ''}.`
            : `Refused: ${check.data.reason}`}
        </p>
      ) : null}
      {check.isError ? <ErrorState title="Could not check the URL" error={check.error} /> : null}
    </Card>
  );
}

/** `/settings/network`: the public address of trigger URLs and the private hosts HTTP steps may call (admins). */
export function NetworkSettingsPage() {
  return (
    <div className="sy-settings__stack">
      <title>Network · Settings · Switchyard</title>
      <PublicUrlCard />
      <AllowListCard />
      <CheckUrlCard />
    </div>
  );
}
