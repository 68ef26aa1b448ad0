import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { changePassword, signOutEverywhere } from '../../api';
import { Button, Card, DescriptionList, Dialog, ErrorState, Icon, TextInput } from '../../ui';
import { allDetailsShown, fieldErrors } from '../settings/field-errors';
import { ROLE_LABELS } from '../workspaces/roles';
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
    <Card title="Change password" description="Your other sessions stay signed in; sign out everywhere below if the old password leaked.">
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
          errors={[...(shown.currentPassword ? [shown.currentPassword] : []), ...fieldErrors({ error: change.error, path: 'currentPassword' })]}
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
            <Icon name="check" size={14} /> Password changed.
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
  const [open, setOpen] = useState(false);
  const signOut = useMutation({ mutationFn: signOutEverywhere, onSuccess: () => window.location.assign('/') });
  return (
    <Card title="Sessions" description="Signed in on a shared or lost computer? End every session of your account, this one included.">
      <Button variant="danger" icon="close" onClick={() => setOpen(true)}>
        Sign out everywhere
      </Button>
      <Dialog
        open={open}
        tone="danger"
        title="Sign out everywhere?"
        onClose={() => setOpen(false)}
        actions={
          <>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button variant="danger" loading={signOut.isPending} onClick={() => signOut.mutate()}>
              Sign out everywhere
            </Button>
          </>
        }
      >
        Every browser signed in to your account, this one included, has to sign in again. API keys keep working.
        {signOut.isError ? <ErrorState title="Could not sign out" error={signOut.error} /> : null}
      </Dialog>
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
            { label: 'Workspaces', value: workspaces.map((workspace) => `${workspace.name} (${ROLE_LABELS[workspace.role].toLowerCase()})`).join(', ') || '—' },
          ]}
        />
      </Card>
      <ChangePasswordCard />
      <SignOutEverywhereCard />
    </div>
  );
}
