import { Link } from 'react-router';
import type { Unreachable } from '../../lib/reachability';
import { Icon } from '../../ui';
import { useCan } from '../workspaces/use-role';
import { NETWORK_SETTINGS_PATH } from './network-paths';
import './NetworkSettingsPage.css';

const WHY: Record<NonNullable<Unreachable>['kind'], (host: string) => string> = {
  loopback: (host) => `${host} means “this computer”: GitHub, Stripe and other apps on the internet cannot reach this URL.`,
  private: (host) => `${host} is a private network address: apps on the internet (GitHub, Stripe…) cannot reach this URL.`,
  'local-name': (host) =>
    `${host} is a local name: apps on the internet (GitHub, Stripe…) cannot look it up, so they cannot reach this URL.`,
};

/** Says that a trigger URL cannot be reached from the internet, and what to do about it. */
export function ReachabilityHelp({ unreachable }: { unreachable: NonNullable<Unreachable> }) {
  const admin = useCan('settings.manage');
  return (
    <div className="sy-reach" role="note" aria-label="Trigger URL not reachable from the internet">
      <Icon name="alert" size={18} />
      <div className="sy-reach__body">
        <p className="sy-reach__title">{WHY[unreachable.kind](unreachable.host)}</p>
        <p>Requests you send yourself from this machine still work. To receive real webhooks:</p>
        <ul>
          <li>
            Expose Switchyard with a tunnel, e.g. <code>ngrok http 3000</code> or{' '}
            <code>cloudflared tunnel --url http://localhost:3000</code>, or put it behind a reverse proxy with HTTPS (and set{' '}
            <code>SWITCHYARD_TRUST_PROXY</code> so forwarded headers are believed).
          </li>
          <li>
            Then set the public base URL to that address:{' '}
            {admin ? (
              <>
                <Link to={NETWORK_SETTINGS_PATH}>open the Network page</Link> of the settings
              </>
            ) : (
              'ask an admin of this workspace to set it in Settings → Network'
            )}
            .
          </li>
        </ul>
      </div>
    </div>
  );
}
