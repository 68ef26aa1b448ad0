import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '../workspaces/use-role';
import { checkableUrl } from './checkable-url';
import { NETWORK_SETTINGS_PATH } from './network-paths';
import { useEgressCheck } from './use-settings';

/** Waits until typing pauses before asking the server. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * Under a URL field of an HTTP step: says, while the URL is typed, when the egress guard will refuse
 * it, with a link to the allowed hosts for admins and a sentence for everyone else.
 */
export function EgressWarning({ template }: { template: string }) {
  const url = useDebounced(checkableUrl({ template }), 500);
  const check = useEgressCheck({ url });
  const admin = useCan('settings.manage');
  if (!url || !check.data || check.data.allowed) return null;
  return (
    <p className="sy-step-form__todo" role="alert">
      Switchyard will refuse to call this URL: {check.data.reason}.{' '}
      {admin ? (
        <>
          If it is a service on your network, <Link to={NETWORK_SETTINGS_PATH}>allow it on the Network page</Link> of the settings.
        </>
      ) : (
        'If it is a service on your network, ask an admin of this workspace to allow it in Settings → Network.'
      )}
    </p>
  );
}
