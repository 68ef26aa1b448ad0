import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError, parseApiError } from '../../api';
import { Button, LoadingState, TextInput } from '../../ui';
import { authStateKey, type SignedIn } from './auth.api';
import { AuthLayout } from './AuthLayout';
import { signInErrorMessage } from './lockout-message';
import { SsoSignIn } from './sso-sign-in';
import { useAuthState } from './use-auth';

/** Only same-site paths are followed after signing in (no open redirect). */
function safeNext(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

class SignInError extends Error {
  constructor(
    readonly error: ApiError,
    readonly lockedUntil: string | null,
  ) {
    super(error.message);
  }
}

/** Posts the credentials; a lockout's end time is read from the body, which ApiError does not keep. */
async function postLogin(body: { email: string; password: string }): Promise<SignedIn> {
  const response = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  const parsed: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const lockedUntil = (parsed as { error?: { lockedUntil?: unknown } } | null)?.error?.lockedUntil;
    throw new SignInError(
      parseApiError({ status: response.status, statusText: response.statusText, body: parsed }),
      typeof lockedUntil === 'string' ? lockedUntil : null,
    );
  }
  return parsed as SignedIn;
}

export function SignInPage() {
  const state = useAuthState();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: postLogin,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: authStateKey });
      navigate(next, { replace: true });
    },
  });

  if (state.isPending) return <LoadingState label="Loading" />;
  if (state.data?.setupRequired) return <Navigate to="/setup" replace />;
  if (state.data?.user) return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email, password });
  };
  const failure = login.error instanceof SignInError ? login.error : null;
  const sso = state.data?.sso;

  return (
    <AuthLayout title="Sign in">
      {sso ? <SsoSignIn name={sso.name} next={next} error={params.get('sso_error')} /> : null}
      {sso && !sso.passwordSignIn ? <p className="sy-auth__hint">Password sign-in is kept for the break-glass owner only.</p> : null}
      <form className="sy-auth__form" onSubmit={submit} noValidate>
        <TextInput label="Email" type="email" required value={email} onChange={setEmail} autoComplete="username" />
        <TextInput label="Password" type="password" required value={password} onChange={setPassword} autoComplete="current-password" />
        {failure ? (
          <div className="sy-auth__error" role="alert" data-code={failure.error.code}>
            {signInErrorMessage(failure.error, failure.lockedUntil)}
          </div>
        ) : login.error ? (
          <div className="sy-auth__error" role="alert">
            {login.error.message}
          </div>
        ) : null}
        <Button type="submit" variant="primary" loading={login.isPending}>
          Sign in
        </Button>
        <p className="sy-auth__hint">No account? Ask an admin of your workspace for an invite link.</p>
      </form>
    </AuthLayout>
  );
}
