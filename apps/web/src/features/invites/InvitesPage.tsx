import { useState } from 'react';
import type { CreatedInvite as CreatedInviteAnswer, Invite, Role } from '../../api';
import { absoluteUrl } from '../../lib/absolute-url';
import { formatDateTime } from '../../lib/format-date';
import {
  Badge,
  Button,
  Card,
  CopyButton,
  EmptyState,
  ErrorState,
  Icon,
  LoadingState,
  RelativeTime,
  Table,
  TextInput,
  type TableColumn,
} from '../../ui';
import { RoleField } from '../settings/RoleField';
import { allDetailsShown, fieldErrors } from '../settings/field-errors';
import { assignableRoles, ROLE_LABELS } from '../workspaces/roles';
import { useRole } from '../workspaces/use-role';
import { useAuthState } from '../auth/use-auth';
import { useCreateInvite, useInvites, useRevokeInvite } from './use-invites';

function CreatedInvite({ invite, onDone }: { invite: CreatedInviteAnswer; onDone: () => void }) {
  const url = absoluteUrl({ url: invite.url, origin: window.location.origin });
  return (
    <div className="sy-settings__callout sy-settings__callout--success" role="status" aria-labelledby="invite-created-title">
      <Icon name="link" size={20} />
      <div className="sy-settings__callout-body">
        <p className="sy-settings__callout-title" id="invite-created-title">
          Invite link for {invite.email ?? 'one person'} as {ROLE_LABELS[invite.role].toLowerCase()}
        </p>
        <div className="sy-settings__secret">
          <code aria-label="Invite link">{url}</code>
          <CopyButton text={url} label="Copy invite link">
            Copy link
          </CopyButton>
        </div>
        {invite.emailed && invite.email ? (
          <p className="sy-settings__note">
            <Icon name="check" size={14} /> Sent to {invite.email}. You can also copy the link; it works once and expires{' '}
            {formatDateTime({ iso: invite.expiresAt })}.
          </p>
        ) : (
          <>
            {invite.emailError ? (
              <p className="sy-field__errors" role="alert">
                Could not e-mail it to {invite.email}: {invite.emailError}
              </p>
            ) : null}
            <p className="sy-settings__note">
              Send it yourself (chat, email). It works once and expires {formatDateTime({ iso: invite.expiresAt })}.
            </p>
          </>
        )}
        <div>
          <Button size="sm" onClick={onDone}>
            Done
          </Button>
        </div>
      </div>
    </div>
  );
}

/** Lists carry no link (only its hash is kept); a server that keeps one may add `url`. */
function RevokeInvite({ invite }: { invite: Invite & { url?: string } }) {
  const revoke = useRevokeInvite();
  return (
    <span className="sy-settings__row-actions">
      {invite.url ? (
        <CopyButton
          text={absoluteUrl({ url: invite.url, origin: window.location.origin })}
          label={`Copy invite link for ${invite.email ?? ROLE_LABELS[invite.role]}`}
          variant="ghost"
        />
      ) : null}
      <Button
        size="sm"
        variant="ghost"
        icon="trash"
        loading={revoke.isPending}
        aria-label={`Revoke invite ${invite.email ?? invite.id}`}
        onClick={() => revoke.mutate({ id: invite.id })}
      >
        Revoke
      </Button>
      {revoke.isError ? <span className="sy-field__errors">{revoke.error.message}</span> : null}
    </span>
  );
}

const columns: TableColumn<Invite>[] = [
  { key: 'for', header: 'For', render: (invite) => invite.email ?? <span className="sy-muted">Anyone with the link</span> },
  { key: 'role', header: 'Role', width: '120px', render: (invite) => <Badge>{ROLE_LABELS[invite.role]}</Badge> },
  { key: 'expires', header: 'Expires', width: '160px', hideBelow: 'sm', render: (invite) => <RelativeTime iso={invite.expiresAt} /> },
  {
    key: 'actions',
    header: <span className="sy-visually-hidden">Actions</span>,
    align: 'end',
    width: '160px',
    render: (invite) => <RevokeInvite invite={invite} />,
  },
];

/** `/settings/invites`: one-time links that add someone to the workspace with a role. */
export function InvitesPage() {
  const role = useRole();
  const serverEmail = useAuthState().data?.features?.email ?? false;
  const roles = assignableRoles({ actor: role });
  const invites = useInvites();
  const create = useCreateInvite();
  const [inviteRole, setInviteRole] = useState<Role>('editor');
  const [email, setEmail] = useState('');
  const [created, setCreated] = useState<CreatedInviteAnswer | null>(null);

  function submit() {
    setCreated(null);
    create.mutate(
      { role: inviteRole, email: email.trim() || undefined },
      {
        onSuccess: (invite) => {
          setCreated(invite);
          setEmail('');
        },
      },
    );
  }

  const pending = invites.data ?? [];
  return (
    <div className="sy-settings__stack">
      <title>Invites · Settings · Switchyard</title>
      <Card
        title="Invite someone"
        description="Creates a one-time link. Whoever opens it creates their account (or joins with theirs) with the role you pick."
      >
        <form
          className="sy-settings__form"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <RoleField value={inviteRole} roles={roles} onChange={setInviteRole} />
          <TextInput
            label="Email"
            optional
            type="email"
            description={
              serverEmail
                ? 'Only this address can accept the invite. The link is e-mailed to it.'
                : 'Only this address can accept the invite.'
            }
            value={email}
            onChange={setEmail}
            errors={fieldErrors({ error: create.error, path: 'email' })}
            autoComplete="off"
          />
          <div className="sy-settings__form-actions">
            <Button type="submit" variant="primary" icon="link" loading={create.isPending}>
              Create invite link
            </Button>
          </div>
        </form>
        {create.isError && !allDetailsShown({ error: create.error, paths: ['email'] }) ? (
          <ErrorState title="Could not create the invite" error={create.error} />
        ) : null}
      </Card>
      {created ? <CreatedInvite invite={created} onDone={() => setCreated(null)} /> : null}
      {invites.isPending ? (
        <Card>
          <LoadingState label="Loading invites…" />
        </Card>
      ) : invites.isError ? (
        <ErrorState title="Could not load the invites" error={invites.error} onRetry={() => void invites.refetch()} />
      ) : (
        <Card flush title="Pending invites" description="Links not used yet. Revoke one and it stops working.">
          {pending.length === 0 ? (
            <EmptyState
              icon="link"
              title="No pending invites"
              description="Invites you create show here until they are used, revoked or expire."
            />
          ) : (
            <Table caption="Pending invites" columns={columns} rows={pending} rowKey={(invite) => invite.id} />
          )}
        </Card>
      )}
    </div>
  );
}
