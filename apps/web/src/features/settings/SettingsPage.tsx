import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { Icon, LoadingState, PageHeader } from '../../ui';
import { ROLE_LABELS } from '../workspaces/roles';
import { useCurrentWorkspace } from '../workspaces/use-role';
import { defaultSettingsPath, SETTINGS_PATH, settingsTabsFor } from './settings-paths';
import '../workflows/WorkflowTabs.css';
import './SettingsPage.css';

/** `/settings/*`: the workspace's members, invites, API keys and audit log, and the user's account. */
export function SettingsPage() {
  const { workspace, isPending } = useCurrentWorkspace();
  const { pathname } = useLocation();
  if (isPending) return <LoadingState label="Loading settings…" />;
  const role = workspace?.role ?? null;
  const tabs = settingsTabsFor({ role });
  const here = pathname.replace(/\/+$/, '');
  if (here === SETTINGS_PATH) return <Navigate to={defaultSettingsPath({ role })} replace />;
  // A tab the role may not open (an address typed or kept from another workspace) falls back to one it may.
  if (!tabs.some((tab) => here === tab.path)) return <Navigate to={defaultSettingsPath({ role })} replace />;
  const tabClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'sy-tabs__tab sy-tabs__tab--active' : 'sy-tabs__tab');
  return (
    <>
      <PageHeader
        title="Settings"
        description={
          workspace ? (
            <>
              Workspace <strong>{workspace.name}</strong>, where you are {ROLE_LABELS[workspace.role].toLowerCase()}.
            </>
          ) : null
        }
      />
      <nav className="sy-tabs sy-settings__tabs" aria-label="Settings sections">
        {tabs.map((tab) => (
          <NavLink key={tab.path} to={tab.path} className={tabClass}>
            <Icon name={tab.icon} size={15} />
            {tab.label}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </>
  );
}
