import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { changePassword } from '../../api';
import { Button, Card, DescriptionList, ErrorState, Icon, TextInput } from '../../ui';
import { allDetailsShown, fieldErrors } from '../settings/field-errors';
import { ROLE_LABELS } from '../workspaces/roles';
import { signOutEverywhere } from '../auth/auth.api';
import { useAuthState } from '../auth/use-auth';
import { checkNewPassword, MIN_PASSWORD_LENGTH } from './password-rules';

function ChangePasswordCard() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [checked, setChecked] = useState(false);
  const [done, setDone] = useState(false);
  const change = useMutation({ mutationFn: changePassword });
  const problems = checkNewPassword({ current, next, confirm });
  const shown = checked ? problems : {};

  return (
    <Card
      title="Change password"
      description="Changing it signs you out everywhere else: every other browser signed in to your account has to sign in again with the new password. API keys keep working."
    >
      <form
        className="sy-settings__form sy-settings__form--stacked"
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          setDone(false);
          if (Object.keys(problems).length > 0) return;
          change.mutate(
            { currentPassword: current, newPassword: next },
            {
              onSuccess: () => {
                setDone(true);
                setChecked(false);
                setCurrent('');
                setNext('');
                setConfirm('');
              },
            },
          );
        }}
      >
        <TextInput
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
          errors={[
            ...(shown.currentPassword ? [shown.currentPassword] : []),
            ...fieldErrors({ error: change.error, path: 'currentPassword' }),
          ]}
        />
        <TextInput
          label="New password"
          type="password"
          autoComplete="new-password"
          description={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong one.`}
          value={next}
          onChange={setNext}
          errors={[...(shown.newPassword ? [shown.newPassword] : []), ...fieldErrors({ error: change.error, path: 'newPassword' })]}
        />
        <TextInput
          label="Repeat the new password"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={setConfirm}
          errors={shown.confirm ? [shown.confirm] : []}
        />
        <div className="sy-settings__form-actions">
          <Button type="submit" variant="primary" icon="lock" loading={change.isPending}>
            Change password
          </Button>
        </div>
        {done ? (
          <p className="sy-settings__note" role="status">
            <Icon name="check" size={14} /> Password changed. Your other sessions are signed out.
          </p>
        ) : null}
      </form>
      {change.isError && !allDetailsShown({ error: change.error, paths: ['currentPassword', 'newPassword'] }) ? (
        <ErrorState title="Could not change the password" error={change.error} />
      ) : null}
    </Card>
  );
}

function SignOutEverywhereCard() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: signOutEverywhere,
    onSuccess: () => {
      // Nothing of this user may stay in the cache.
      queryClient.clear();
      navigate('/sign-in', { replace: true });
    },
  });
  return (
    <Card
      title="Sign out everywhere"
      description="Ends every session of your account, in this browser and all others (a lost laptop, a shared computer). API keys keep working."
    >
      <div className="sy-settings__form-actions">
        <Button variant="danger" icon="lock" loading={signOut.isPending} onClick={() => signOut.mutate()}>
          Sign out everywhere
        </Button>
      </div>
      {signOut.isError ? <ErrorState title="Could not sign out everywhere" error={signOut.error} /> : null}
    </Card>
  );
}

/** `/settings/account`: the signed-in person, their password and their sessions. */
export function AccountPage() {
  const auth = useAuthState();
  const user = auth.data?.user;
  const workspaces = auth.data?.workspaces ?? [];
  return (
    <div className="sy-settings__stack">
      <title>Account · Settings · Switchyard</title>
      <Card title="Your account">
        <DescriptionList
          items={[
            { label: 'Name', value: user?.name || <span className="sy-muted">—</span> },
            { label: 'Email', value: user?.email ?? '—' },
            {
              label: 'Workspaces',
              value: workspaces.map((workspace) => `${workspace.name} (${ROLE_LABELS[workspace.role].toLowerCase()})`).join(', ') || '—',
            },
          ]}
        />
      </Card>
      <ChangePasswordCard />
      <SignOutEverywhereCard />
    </div>
  );
}
