import { useState } from 'react';
import { type Member, type Role } from '../../api';
import { Badge, Button, ButtonLink, Card, Dialog, ErrorState, LoadingState, RelativeTime, Select, Table, type TableColumn } from '../../ui';
import { assignableRoles, canManageMember, isLastOwner, ROLE_LABELS } from '../workspaces/roles';
import { useAuthState } from '../auth/use-auth';
import { useCurrentWorkspace } from '../workspaces/use-role';
import { LAST_OWNER_NOTE, refusalMessage } from './refusal-message';
import { useChangeMemberRole, useMembers, useRemoveMember } from './use-members';

/** The one note the sole owner's disabled controls point to (`aria-describedby`). */
const LAST_OWNER_NOTE_ID = 'members-last-owner-note';

/** A refusal inside a table cell: a line of text, not a card that would widen the table. */
function CellError({ title, error }: { title: string; error: unknown }) {
  return (
    <p className="sy-field__errors sy-settings__cell-error" role="alert">
      {title}: {refusalMessage(error)}
    </p>
  );
}

function MemberRole({ member, members, actor }: { member: Member; members: Member[]; actor: Role | null }) {
  const change = useChangeMemberRole();
  const roles = assignableRoles({ actor });
  if (!canManageMember({ actor, member: member.role }))
    return <Badge tone={member.role === 'owner' ? 'accent' : 'neutral'}>{ROLE_LABELS[member.role]}</Badge>;
  const options = roles.includes(member.role) ? roles : [member.role, ...roles];
  const soleOwner = isLastOwner({ member, members });
  return (
    <span className="sy-settings__role-select">
      <Select
        label={`Role of ${member.name || member.email}`}
        hideLabel
        value={member.role}
        disabled={change.isPending || soleOwner}
        title={soleOwner ? LAST_OWNER_NOTE : undefined}
        aria-describedby={soleOwner ? LAST_OWNER_NOTE_ID : undefined}
        onChange={(role) => change.mutate({ userId: member.userId, role: role as Role })}
        options={options.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
      />
      {change.isError ? <CellError title="Could not change the role" error={change.error} /> : null}
    </span>
  );
}

function RemoveMember({ member, members, actor, isSelf }: { member: Member; members: Member[]; actor: Role | null; isSelf: boolean }) {
  const [open, setOpen] = useState(false);
  const remove = useRemoveMember();
  if (!canManageMember({ actor, member: member.role }) && !isSelf) return null;
  const who = member.name || member.email;
  const soleOwner = isLastOwner({ member, members });
  function close() {
    setOpen(false);
    remove.reset();
  }
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        icon="trash"
        aria-label={isSelf ? 'Leave this workspace' : `Remove ${who}`}
        disabled={soleOwner}
        title={soleOwner ? LAST_OWNER_NOTE : undefined}
        aria-describedby={soleOwner ? LAST_OWNER_NOTE_ID : undefined}
        onClick={() => setOpen(true)}
      >
        {isSelf ? 'Leave' : 'Remove'}
      </Button>
      <Dialog
        open={open}
        tone="danger"
        title={isSelf ? 'Leave this workspace?' : `Remove ${who}?`}
        onClose={close}
        actions={
          <>
            <Button onClick={close}>Cancel</Button>
            <Button
              variant="danger"
              icon="trash"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(
                  { userId: member.userId },
                  {
                    onSuccess: () => {
                      close();
                      if (isSelf) window.location.assign('/');
                    },
                  },
                )
              }
            >
              {isSelf ? 'Leave workspace' : 'Remove member'}
            </Button>
          </>
        }
      >
        {isSelf
          ? 'You lose access to its workflows and runs until someone invites you again.'
          : `${who} loses access to this workspace at once. Their sessions elsewhere stay open; API keys they created keep working until revoked.`}
        {remove.isError ? (
          <p className="sy-field__errors" role="alert">
            Could not remove: {refusalMessage(remove.error)}
          </p>
        ) : null}
      </Dialog>
    </>
  );
}

/** `/settings/members`: who belongs to the workspace, with their roles. */
export function MembersPage() {
  const members = useMembers();
  const auth = useAuthState();
  const { workspace } = useCurrentWorkspace();
  const actor = workspace?.role ?? null;
  const me = auth.data?.user?.id;
  const rows = members.data ?? [];
  const mine = rows.find((member) => member.userId === me);
  const soleOwnerIsMe = mine !== undefined && isLastOwner({ member: mine, members: rows });

  const columns: TableColumn<Member>[] = [
    {
      key: 'person',
      header: 'Member',
      render: (member) => (
        <span className="sy-settings__person">
          <span className="sy-settings__person-name">
            {member.name || member.email}
            {member.userId === me ? <span className="sy-settings__you">(you)</span> : null}
          </span>
          {member.name ? <span className="sy-settings__person-email">{member.email}</span> : null}
        </span>
      ),
    },
    { key: 'role', header: 'Role', width: '200px', render: (member) => <MemberRole member={member} members={rows} actor={actor} /> },
    { key: 'joined', header: 'Joined', width: '140px', hideBelow: 'sm', render: (member) => <RelativeTime iso={member.joinedAt} /> },
    {
      key: 'actions',
      header: <span className="sy-visually-hidden">Actions</span>,
      align: 'end',
      width: '120px',
      render: (member) => <RemoveMember member={member} members={rows} actor={actor} isSelf={member.userId === me} />,
    },
  ];

  return (
    <>
      <title>Members · Settings · Switchyard</title>
      {members.isPending ? (
        <Card>
          <LoadingState label="Loading members…" />
        </Card>
      ) : members.isError ? (
        <ErrorState title="Could not load the members" error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <Card
          flush
          title={`${rows.length} ${rows.length === 1 ? 'member' : 'members'}`}
          description="Owners and admins manage members; editors build and run workflows; viewers only read."
          actions={
            <ButtonLink to="/settings/invites" size="sm" icon="plus" variant="primary">
              Invite someone
            </ButtonLink>
          }
        >
          {soleOwnerIsMe ? (
            <p className="sy-settings__note" id={LAST_OWNER_NOTE_ID}>
              You are the only owner, so you cannot change your own role or leave. {LAST_OWNER_NOTE}
            </p>
          ) : null}
          <Table caption="Members of this workspace" columns={columns} rows={rows} rowKey={(member) => member.userId} />
        </Card>
      )}
    </>
  );
}
