import { useRouteError } from 'react-router';
import { ButtonLink, ErrorState } from '../ui';

/** Last resort for render errors, so one broken page never blanks the whole app. */
export function RouteError() {
  const error = useRouteError();
  return (
    <div style={{ maxWidth: 720, margin: '64px auto', padding: '0 16px', display: 'grid', gap: 16 }}>
      <ErrorState title="This page crashed" error={error instanceof Error ? error : new Error(String(error))} />
      <div>
        <ButtonLink to="/">Back to workflows</ButtonLink>
      </div>
    </div>
  );
}
