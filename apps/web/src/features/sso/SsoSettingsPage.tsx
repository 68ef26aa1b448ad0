import { useEffect, useId, useState } from 'react';
import type { SsoSettings } from '../../api';
import { Badge, Button, Card, CopyButton, ErrorState, Field, LoadingState, Select, Switch, TextInput } from '../../ui';
import { allDetailsShown, fieldErrors } from '../settings/field-errors';
import { type SsoForm, ssoForm, ssoRequest } from './sso-form';
import { useRemoveSsoSettings, useSsoDiscovery, useSsoSettings, useUpdateSsoSettings } from './use-sso-settings';
import '../network/NetworkSettingsPage.css';
import './SsoSettingsPage.css';

const ROLE_OPTIONS = [
  { value: 'viewer', label: 'Viewer' },
  { value: 'editor', label: 'Editor' },
  { value: 'admin', label: 'Admin' },
];

const FIELDS = [
  'issuer',
  'clientId',
  'clientSecret',
  'name',
  'allowedDomains',
  'defaultRole',
  'groupsClaim',
  'groupRoles',
  'passwordSignIn',
  'breakGlassEmail',
];

function sourceBadge(source: SsoSettings['source']) {
  if (source === 'settings') return <Badge tone="accent">Set here</Badge>;
  if (source === 'environment') return <Badge>From the environment (SWITCHYARD_OIDC_*)</Badge>;
  return <Badge tone="warning">Not configured</Badge>;
}

function DiscoveryCheck({ issuer }: { issuer: string }) {
  const discovery = useSsoDiscovery();
  return (
    <div className="sy-settings__form-actions sy-sso__actions">
      <Button
        type="button"
        icon="search"
        loading={discovery.isPending}
        disabled={!issuer.trim()}
        onClick={() => discovery.mutate(issuer.trim())}
      >
        Test discovery
      </Button>
      {discovery.data ? (
        <p role="status" className={discovery.data.ok ? 'sy-network__verdict sy-network__verdict--ok' : 'sy-network__verdict'}>
          {discovery.data.ok
            ? `The issuer answers: sign-in at ${discovery.data.authorizationEndpoint}.`
            : `Discovery failed (${discovery.data.url}): ${discovery.data.problem}`}
        </p>
      ) : null}
      {discovery.isError ? <ErrorState title="Could not test discovery" error={discovery.error} /> : null}
    </div>
  );
}

/** `/settings/sso`: OpenID Connect single sign-on, kept by the owners of the Default workspace. */
export function SsoSettingsPage() {
  const settings = useSsoSettings();
  const update = useUpdateSsoSettings();
  const remove = useRemoveSsoSettings();
  const [form, setForm] = useState<SsoForm | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const groupsId = useId();
  useEffect(() => {
    if (settings.data) setForm(ssoForm(settings.data));
  }, [settings.data]);
  if (settings.isPending || (settings.data && !form)) return <LoadingState label="Loading single sign-on…" />;
  if (settings.isError) return <ErrorState title="Could not load the single sign-on settings" error={settings.error} />;
  const s = settings.data;
  const f = form as SsoForm;
  const set = (change: Partial<SsoForm>) => {
    setForm({ ...f, ...change });
    setSaved(null);
  };
  const errors = (path: string) => fieldErrors({ error: update.error, path });
  const secretSet = s.settings?.clientSecretSet ?? false;
  return (
    <div className="sy-settings__stack">
      <title>Single sign-on · Settings · Switchyard</title>
      <Card
        title="Single sign-on (OpenID Connect)"
        description="Members sign in with your company’s identity provider (Okta, Microsoft Entra ID, Google, Keycloak…). Changes apply at once on every server, no restart."
      >
        <p className="sy-network__current">
          In effect: {sourceBadge(s.source)}
          {s.source === 'settings' && s.environment ? (
            <span className="sy-muted">(the environment’s settings apply again if these are removed)</span>
          ) : null}
        </p>
        <div className="sy-network__current">
          Redirect URL to register at the provider: <code>{s.redirectUrl}</code>
          <CopyButton text={s.redirectUrl} label="Copy the redirect URL" />
        </div>
      </Card>
      <Card title="Provider" description="From the application you register at the provider for Switchyard.">
        <form
          className="sy-settings__form sy-settings__form--stacked sy-sso__form"
          onSubmit={(event) => {
            event.preventDefault();
            setSaved(null);
            update.mutate(ssoRequest(f), {
              onSuccess: () => {
                setForm({ ...f, clientSecret: '' });
                setSaved('Saved: single sign-on uses these settings now.');
              },
            });
          }}
        >
          <TextInput
            label="Issuer URL"
            placeholder="https://login.example.com/realms/company"
            value={f.issuer}
            onChange={(issuer) => set({ issuer })}
            errors={errors('issuer')}
            inputMode="url"
            autoComplete="off"
          />
          <DiscoveryCheck issuer={f.issuer} />
          <TextInput
            label="Client ID"
            value={f.clientId}
            onChange={(clientId) => set({ clientId })}
            errors={errors('clientId')}
            autoComplete="off"
          />
          <TextInput
            label="Client secret"
            type="password"
            optional
            description={
              secretSet
                ? 'A secret is set (never shown). Type a new one to replace it; leave blank to keep it.'
                : 'Not set: a public client, or type the secret.'
            }
            placeholder={secretSet ? '•••••••• set' : ''}
            value={f.clientSecret}
            onChange={(clientSecret) => set({ clientSecret })}
            errors={errors('clientSecret')}
            autoComplete="new-password"
          />
          <TextInput
            label="Button label"
            description="Shown as “Sign in with …” on the sign-in page."
            value={f.name}
            onChange={(name) => set({ name })}
            errors={errors('name')}
          />
          <TextInput
            label="Allowed e-mail domains"
            description="Separated by commas. Blank: any domain the provider signs in."
            optional
            placeholder="example.com, example.org"
            value={f.allowedDomains}
            onChange={(allowedDomains) => set({ allowedDomains })}
            errors={errors('allowedDomains')}
          />
          <Select
            label="Role of new members"
            options={ROLE_OPTIONS}
            value={f.defaultRole}
            onChange={(v) => set({ defaultRole: v as SsoForm['defaultRole'] })}
          />
          <TextInput
            label="Groups claim"
            description="The ID-token claim that lists the person’s groups."
            value={f.groupsClaim}
            onChange={(groupsClaim) => set({ groupsClaim })}
            errors={errors('groupsClaim')}
          />
          <Field
            label="Group to role mapping"
            htmlFor={groupsId}
            optional
            description="One “group = role” a line (viewer, editor or admin). The highest role of the person’s groups applies at every sign-in."
            errors={errors('groupRoles')}
            errorId={`${groupsId}-errors`}
          >
            <textarea
              id={groupsId}
              className="sy-input sy-network__textarea"
              rows={3}
              spellCheck={false}
              value={f.groupRoles}
              placeholder="switchyard-admins = admin"
              aria-invalid={errors('groupRoles').length > 0 || undefined}
              onChange={(event) => set({ groupRoles: event.target.value })}
            />
          </Field>
          <Field
            label="Password sign-in"
            description="Off: only the break-glass owner below may still sign in with a password, if the provider fails."
          >
            <Switch
              checked={f.passwordSignIn}
              label="Password sign-in"
              text={{ on: 'Allowed for everyone', off: 'Only the break-glass owner' }}
              onChange={(passwordSignIn) => set({ passwordSignIn })}
            />
          </Field>
          <TextInput
            label="Break-glass owner e-mail"
            optional={f.passwordSignIn}
            description="An owner with a password."
            value={f.breakGlassEmail}
            onChange={(breakGlassEmail) => set({ breakGlassEmail })}
            errors={errors('breakGlassEmail')}
            inputMode="email"
            autoComplete="off"
          />
          <div className="sy-settings__form-actions sy-sso__actions">
            <Button type="submit" variant="primary" icon="save" loading={update.isPending}>
              Save single sign-on
            </Button>
            {s.settings ? (
              <Button
                type="button"
                variant="danger"
                icon="trash"
                loading={remove.isPending}
                onClick={() =>
                  remove.mutate(undefined, {
                    onSuccess: () =>
                      setSaved(s.environment ? 'Removed: the environment’s settings apply.' : 'Removed: single sign-on is off.'),
                  })
                }
              >
                Remove
              </Button>
            ) : null}
            {saved ? (
              <span role="status" className="sy-network__saved">
                {saved}
              </span>
            ) : null}
          </div>
        </form>
        {update.isError && !allDetailsShown({ error: update.error, paths: FIELDS }) ? (
          <ErrorState title="Could not save single sign-on" error={update.error} />
        ) : null}
        {remove.isError ? <ErrorState title="Could not remove single sign-on" error={remove.error} /> : null}
      </Card>
    </div>
  );
}
