import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { acceptInvite, ApiError, getAuthState, getInvite, queryKeys } from '../../api';
import { Badge, Button, ErrorState, Icon, LoadingState, TextInput } from '../../ui';
import { allDetailsShown, fieldErrors } from '../settings/field-errors';
import { MIN_PASSWORD_LENGTH } from '../account/password-rules';
import { writeStoredWorkspaceId } from '../workspaces/current-workspace';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../workspaces/roles';
import { useAuthState } from '../workspaces/use-auth-state';
import { workspaceAfterAccept } from './invite-workspace';
import './InviteAcceptPage.css';

/** `/invite/:token` (public): join a workspace, creating the account when nobody is signed in. */
export function InviteAcceptPage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const auth = useAuthState();
  const invite = useQuery({ queryKey: ['invites', token], queryFn: ({ signal }) => getInvite({ token, signal }), retry: false });
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const user = auth.data?.user ?? null;

  const accept = useMutation({
    mutationFn: () => acceptInvite(user ? { token } : { token, email: invite.data?.email ?? email.trim(), password, name: name.trim() || undefined }),
    onSuccess: async (response) => {
      // The session cookie and the memberships changed: read the new state before opening the app.
      const state = await queryClient.fetchQuery({ queryKey: queryKeys.authState(), queryFn: ({ signal }) => getAuthState({ signal }), staleTime: 0 });
      const workspaceId = invite.data ? workspaceAfterAccept({ response, preview: invite.data, workspaces: state.workspaces }) : null;
      if (workspaceId) writeStoredWorkspaceId(workspaceId);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.authState()[0] });
      void navigate('/', { replace: true });
    },
  });

  let body;
  if (invite.isPending || auth.isPending) body = <LoadingState label="Opening the invite…" />;
  else if (invite.isError) {
    const gone = invite.error instanceof ApiError && (invite.error.status === 404 || invite.error.status === 410);
    body = (
      <>
        <h1 className="sy-invite__title">{gone ? 'This invite is no longer valid' : 'Could not open the invite'}</h1>
        {gone ? (
          <p className="sy-invite__lead">It was used, revoked or has expired. Ask the person who invited you for a new link.</p>
        ) : (
          <ErrorState error={invite.error} onRetry={() => void invite.refetch()} />
        )}
      </>
    );
  } else {
    const preview = invite.data;
    const lockedEmail = preview.email;
    const passwordErrors = fieldErrors({ error: accept.error, path: 'password' });
    body = (
      <>
        <p className="sy-invite__eyebrow">You are invited to join</p>
        <h1 className="sy-invite__title">{preview.workspaceName}</h1>
        <p className="sy-invite__role">
          as <Badge tone="accent">{ROLE_LABELS[preview.role]}</Badge> <span className="sy-muted">{ROLE_DESCRIPTIONS[preview.role]}</span>
        </p>
        <form
          className="sy-invite__form"
          onSubmit={(event) => {
            event.preventDefault();
            accept.mutate();
          }}
        >
          {user ? (
            <p className="sy-invite__lead">
              You are signed in as <strong>{user.email}</strong>. Join with this account, or sign out first to create another one.
            </p>
          ) : (
            <>
              <p className="sy-invite__lead">Create your account to join.</p>
              <TextInput label="Name" optional autoComplete="name" value={name} onChange={setName} errors={fieldErrors({ error: accept.error, path: 'name' })} />
              <TextInput
                label="Email"
                type="email"
                autoComplete="email"
                required
                value={lockedEmail ?? email}
                readOnly={Boolean(lockedEmail)}
                description={lockedEmail ? 'This invite is for this address.' : undefined}
                onChange={setEmail}
                errors={fieldErrors({ error: accept.error, path: 'email' })}
              />
              <TextInput
                label="Password"
                type="password"
                autoComplete="new-password"
                required
                minLength={MIN_PASSWORD_LENGTH}
                description={`At least ${MIN_PASSWORD_LENGTH} characters.`}
                value={password}
                onChange={setPassword}
                errors={passwordErrors}
              />
            </>
          )}
          {accept.error instanceof ApiError && accept.error.code === 'email_taken' ? (
            <p className="sy-field__errors" role="alert">
              This email already has an account: <Link to={`/sign-in?next=${encodeURIComponent(`/invite/${token}`)}`}>sign in</Link>, then open this link again to join.
            </p>
          ) : accept.isError && !allDetailsShown({ error: accept.error, paths: ['name', 'email', 'password'] }) ? (
            <ErrorState title="Could not join" error={accept.error} />
          ) : null}
          <Button type="submit" variant="primary" loading={accept.isPending} className="sy-invite__submit">
            {user ? `Join ${preview.workspaceName}` : 'Create account and join'}
          </Button>
        </form>
      </>
    );
  }

  return (
    <main className="sy-invite">
      <title>Invitation · Switchyard</title>
      <div className="sy-invite__card">
        <div className="sy-invite__brand">
          <Icon name="workflow" size={20} />
          Switchyard
        </div>
        {body}
      </div>
    </main>
  );
}
