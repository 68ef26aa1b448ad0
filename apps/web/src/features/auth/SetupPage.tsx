import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { ApiError } from '../../api';
import { Button, LoadingState, TextInput } from '../../ui';
import { MIN_PASSWORD_LENGTH } from '@switchyard/contract';
import { authStateKey, setupOwner } from './auth.api';
import { checkSetupForm, type SetupField } from './setup-form-check';
import { AuthLayout } from './AuthLayout';
import { useAuthState } from './use-auth';

function fieldErrors(error: unknown, path: string): string[] {
  return error instanceof ApiError ? error.details.filter((d) => d.path === path).map((d) => d.message) : [];
}

/** First start: create the owner account (shown while the API says setupRequired). */
export function SetupPage() {
  const state = useAuthState();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problems, setProblems] = useState<Partial<Record<SetupField, string[]>>>({});
  const setup = useMutation({
    mutationFn: setupOwner,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: authStateKey });
      navigate('/', { replace: true });
    },
  });

  if (state.isPending) return <LoadingState label="Loading" />;
  if (state.data && !state.data.setupRequired) return <Navigate to="/" replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkSetupForm({ name, email, password, confirm });
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setup.mutate({ email, password, name: name.trim() || undefined });
  };

  return (
    <AuthLayout
      title="Create the owner account"
      description="Switchyard has no account yet. The first account owns the workspace and can invite others."
    >
      <form className="sy-auth__form" onSubmit={submit} noValidate>
        <TextInput
          label="Your name"
          optional
          value={name}
          onChange={setName}
          autoComplete="name"
          errors={[...(problems.name ?? []), ...fieldErrors(setup.error, 'name')]}
        />
        <TextInput
          label="Email"
          type="email"
          required
          value={email}
          onChange={setEmail}
          autoComplete="email"
          errors={[...(problems.email ?? []), ...fieldErrors(setup.error, 'email')]}
        />
        <TextInput
          label="Password"
          type="password"
          required
          value={password}
          onChange={setPassword}
          autoComplete="new-password"
          description={`At least ${MIN_PASSWORD_LENGTH} characters.`}
          errors={[...(problems.password ?? []), ...fieldErrors(setup.error, 'password')]}
        />
        <TextInput
          label="Repeat the password"
          type="password"
          required
          value={confirm}
          onChange={setConfirm}
          autoComplete="new-password"
          errors={problems.confirm ?? []}
        />
        {setup.error && !(setup.error instanceof ApiError && setup.error.details.length > 0) ? (
          <div className="sy-auth__error" role="alert">
            {setup.error.message}
          </div>
        ) : null}
        <Button type="submit" variant="primary" loading={setup.isPending}>
          Create account
        </Button>
      </form>
    </AuthLayout>
  );
}
