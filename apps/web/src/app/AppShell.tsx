import { Link, NavLink, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { SignOutButton } from '../features/auth/SignOutButton';
import { WorkspaceSwitcher } from '../features/workspaces/WorkspaceSwitcher';
import { Icon } from '../ui';
import { ApiStatus } from './ApiStatus';
import './AppShell.css';

function Logo() {
  return (
    <svg width="26" height="26" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--sy-color-accent)" />
      <path d="M8 11h9l7 10" stroke="#fff" strokeWidth="3" fill="none" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M8 21h6" stroke="#fff" strokeWidth="3" fill="none" strokeLinecap="round" />
      <circle cx="24" cy="11" r="2.5" fill="#fff" />
    </svg>
  );
}

export function AppShell() {
  const { pathname } = useLocation();
  const inRuns = pathname === '/runs' || pathname.startsWith('/runs/');
  const inWorkflows = !inRuns && (pathname === '/' || pathname.startsWith('/workflows'));
  const inCredentials = pathname === '/credentials';
  const inConnections = pathname === '/connections';
  const inSettings = pathname === '/settings' || pathname.startsWith('/settings/');

  return (
    <div className="sy-shell">
      <ScrollRestoration />
      <a className="sy-shell__skip" href="#main">
        Skip to content
      </a>
      <aside className="sy-shell__sidebar">
        <div className="sy-shell__sidebar-inner">
          <Link to="/" className="sy-shell__brand" aria-label="Switchyard home">
            <Logo />
            <span>Switchyard</span>
          </Link>
          <WorkspaceSwitcher />
          <nav className="sy-shell__nav" aria-label="Main">
            <NavLink
              to="/"
              className={() => (inWorkflows ? 'sy-shell__link sy-shell__link--active' : 'sy-shell__link')}
              aria-current={inWorkflows ? 'page' : undefined}
            >
              <Icon name="workflow" />
              Workflows
            </NavLink>
            <NavLink
              to="/runs"
              className={() => (inRuns ? 'sy-shell__link sy-shell__link--active' : 'sy-shell__link')}
              aria-current={inRuns ? 'page' : undefined}
            >
              <Icon name="bolt" />
              Runs
            </NavLink>
            <NavLink
              to="/credentials"
              className={() => (inCredentials ? 'sy-shell__link sy-shell__link--active' : 'sy-shell__link')}
              aria-current={inCredentials ? 'page' : undefined}
            >
              <Icon name="key" />
              Credentials
            </NavLink>
            <NavLink
              to="/connections"
              className={() => (inConnections ? 'sy-shell__link sy-shell__link--active' : 'sy-shell__link')}
              aria-current={inConnections ? 'page' : undefined}
            >
              <Icon name="link" />
              Connections
            </NavLink>
            <NavLink
              to="/settings"
              className={() => (inSettings ? 'sy-shell__link sy-shell__link--active' : 'sy-shell__link')}
              aria-current={inSettings ? 'page' : undefined}
            >
              <Icon name="settings" />
              Settings
            </NavLink>
          </nav>
          <div className="sy-shell__footer">
            <SignOutButton />
            <ApiStatus />
          </div>
        </div>
      </aside>
      <main id="main" className="sy-shell__main" tabIndex={-1}>
        <div className="sy-shell__content">
          <Outlet />
        </div>
      </main>
    </div>
  );
}
