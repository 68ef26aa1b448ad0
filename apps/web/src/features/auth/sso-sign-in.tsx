/** Why the provider round trip ended back on the sign-in page (`?sso_error=` from the api's callback). */
const SSO_ERRORS: Record<string, string> = {
  sso_domain_refused: 'Your e-mail domain may not sign in to this server. Ask an owner which account to use.',
  sso_email_unverified: 'Your e-mail address is not verified at the sign-on provider.',
  sso_no_email: 'The sign-on provider did not share your e-mail address.',
  sso_state_missing: 'The sign-on attempt expired or was started in another tab. Try again.',
  sso_unavailable: 'The sign-on provider could not be reached. Try again later.',
  sso_not_configured: 'Single sign-on is not configured on this server.',
};

export function ssoErrorMessage(code: string): string {
  return SSO_ERRORS[code] ?? 'Single sign-on failed. Try again, or ask an owner to check the provider settings.';
}

/** "Sign in with <provider>": a plain link, as the api answers with a redirect to the provider. */
export function SsoSignIn({ name, next, error }: { name: string; next: string; error: string | null }) {
  return (
    <div className="sy-auth__sso">
      <a className="sy-button sy-button--primary sy-button--md" href={`/api/auth/oidc/start?next=${encodeURIComponent(next)}`}>
        Sign in with {name}
      </a>
      {error ? (
        <div className="sy-auth__error" role="alert" data-code={error}>
          {ssoErrorMessage(error)}
        </div>
      ) : null}
    </div>
  );
}
