import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { acceptInvite, ApiError, getInvite } from '../../api';
import { authStateKey, getAuthState } from '../auth/auth.api';
import { Badge, Button, ErrorState, LoadingState, TextInput } from '../../ui';
import { allDetailsShown, fieldErrors } from '../settings/field-errors';
import { MIN_PASSWORD_LENGTH } from '../account/password-rules';
import { AuthLayout } from '../auth/AuthLayout';
import { writeStoredWorkspaceId } from '../workspaces/current-workspace';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../workspaces/roles';
import { useAuthState } from '../auth/use-auth';
import { workspaceAfterAccept } from './invite-workspace';
import './InviteAcceptPage.css';

/** `/invite/:token` (public): join a workspace, creating the account when nobody is signed in. */
export function InviteAcceptPage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const auth = useAuthState();
  const inviteKey = ['invites', token];
  // Once accepted the invite is used up: asking for it again would answer 404 (issue 19), so it is read once.
  const invite = useQuery({
    queryKey: inviteKey,
    queryFn: ({ signal }) => getInvite({ token, signal }),
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const user = auth.data?.user ?? null;

  const accept = useMutation({
    mutationFn: () =>
      acceptInvite(user ? { token } : { token, email: invite.data?.email ?? email.trim(), password, name: name.trim() || undefined }),
    onSuccess: async (response) => {
      // The session cookie and the memberships changed: read the new state before opening the app.
      const state = await queryClient.fetchQuery({ queryKey: authStateKey, queryFn: ({ signal }) => getAuthState(signal), staleTime: 0 });
      const workspaceId = invite.data ? workspaceAfterAccept({ response, preview: invite.data, workspaces: state.workspaces }) : null;
      if (workspaceId) writeStoredWorkspaceId(workspaceId);
      // The other workspace's data goes; the used invite stays cached so nothing reads it again (a 404).
      queryClient.removeQueries({
        predicate: (query) => query.queryKey[0] !== authStateKey[0] && !(query.queryKey[0] === inviteKey[0] && query.queryKey[1] === token),
      });
      void navigate('/', { replace: true });
    },
  });

  if (invite.isPending || auth.isPending) {
    return (
      <AuthLayout title="Invitation">
        <LoadingState label="Opening the invite…" />
      </AuthLayout>
    );
  }
  if (invite.isError) {
    const gone = invite.error instanceof ApiError && (invite.error.status === 404 || invite.error.status === 410);
    return (
      <AuthLayout title={gone ? 'This invite is no longer valid' : 'Could not open the invite'}>
        {gone ? (
          <p className="sy-auth__hint">It was used, revoked or has expired. Ask the person who invited you for a new link.</p>
        ) : (
          <ErrorState error={invite.error} onRetry={() => void invite.refetch()} />
        )}
      </AuthLayout>
    );
  }

  const preview = invite.data;
  const lockedEmail = preview.email;
  return (
    <AuthLayout
      title={`Join ${preview.workspaceName}`}
      description={
        <span className="sy-invite__role">
          You are invited to join as <Badge tone="accent">{ROLE_LABELS[preview.role]}</Badge> {ROLE_DESCRIPTIONS[preview.role]}
        </span>
      }
    >
      <form
        className="sy-auth__form"
        onSubmit={(event) => {
          event.preventDefault();
          accept.mutate();
        }}
      >
        {user ? (
          <p className="sy-auth__hint">
            You are signed in as <strong>{user.email}</strong>. Join with this account, or sign out first to create another one.
          </p>
        ) : (
          <>
            <TextInput
              label="Name"
              optional
              autoComplete="name"
              value={name}
              onChange={setName}
              errors={fieldErrors({ error: accept.error, path: 'name' })}
            />
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
              errors={fieldErrors({ error: accept.error, path: 'password' })}
            />
          </>
        )}
        {accept.error instanceof ApiError && accept.error.code === 'email_taken' ? (
          <div className="sy-auth__error" role="alert">
            This email already has an account: <Link to={`/sign-in?next=${encodeURIComponent(`/invite/${token}`)}`}>sign in</Link>, then
            open this link again to join.
          </div>
        ) : accept.isError && !allDetailsShown({ error: accept.error, paths: ['name', 'email', 'password'] }) ? (
          <div className="sy-auth__error" role="alert">
            {accept.error.message}
          </div>
        ) : null}
        <Button type="submit" variant="primary" loading={accept.isPending}>
          {user ? `Join ${preview.workspaceName}` : 'Create account and join'}
        </Button>
      </form>
    </AuthLayout>
  );
}
