import { createBrowserRouter } from 'react-router';
import { AccountPage } from '../features/account/AccountPage';
import { ApiKeysPage } from '../features/api-keys/ApiKeysPage';
import { AuditLogPage } from '../features/audit/AuditLogPage';
import { AuthGate } from '../features/auth/AuthGate';
import { ImportPage } from '../features/bundles/ImportPage';
import { SetupPage } from '../features/auth/SetupPage';
import { SignInPage } from '../features/auth/SignInPage';
import { InviteAcceptPage } from '../features/invites/InviteAcceptPage';
import { InvitesPage } from '../features/invites/InvitesPage';
import { MembersPage } from '../features/members/MembersPage';
import { RunPage } from '../features/runs/RunPage';
import { RunsPage } from '../features/runs/RunsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { NetworkSettingsPage } from '../features/network/NetworkSettingsPage';
import { SsoSettingsPage } from '../features/sso/SsoSettingsPage';
import { WorkflowPage } from '../features/workflows/WorkflowPage';
import { WorkflowsPage } from '../features/workflows/WorkflowsPage';
import { LoadingState } from '../ui';
import { AppShell } from './AppShell';
import { NotFoundPage } from './NotFoundPage';
import { RouteError } from './RouteError';

export function createRouter() {
  return createBrowserRouter([
    // Public: opened from an invite link, signed in or not.
    { path: 'invite/:token', element: <InviteAcceptPage />, errorElement: <RouteError /> },
    { path: 'setup', element: <SetupPage />, errorElement: <RouteError /> },
    { path: 'sign-in', element: <SignInPage />, errorElement: <RouteError /> },
    {
      element: (
        <AuthGate>
          <AppShell />
        </AuthGate>
      ),
      errorElement: <RouteError />,
      // Shown while a lazy page (the builder, credentials) loads on a first visit straight to it.
      hydrateFallbackElement: <LoadingState label="Loading…" />,
      children: [
        { index: true, element: <WorkflowsPage /> },
        {
          path: 'workflows/new',
          lazy: async () => ({ Component: (await import('../features/builder/templates/NewWorkflowPage')).NewWorkflowPage }),
        },
        { path: 'workflows/import', element: <ImportPage /> },
        { path: 'workflows/:id', element: <WorkflowPage /> },
        { path: 'workflows/:id/requests', element: <WorkflowPage tab="requests" /> },
        { path: 'workflows/:id/health', element: <WorkflowPage tab="health" /> },
        {
          // The builder (CodeMirror, the engine) loads on first use, keeping the list and run pages light.
          path: 'workflows/:id/edit',
          lazy: async () => ({ Component: (await import('../features/builder/BuilderPage')).BuilderPage }),
        },
        { path: 'runs', element: <RunsPage /> },
        { path: 'runs/:id', element: <RunPage /> },
        {
          path: 'credentials',
          lazy: async () => ({ Component: (await import('../features/credentials/CredentialsPage')).CredentialsPage }),
        },
        {
          path: 'connections',
          lazy: async () => ({ Component: (await import('../features/connections/ConnectionsPage')).ConnectionsPage }),
        },
        {
          path: 'settings',
          element: <SettingsPage />,
          children: [
            { path: 'members', element: <MembersPage /> },
            { path: 'invites', element: <InvitesPage /> },
            { path: 'api-keys', element: <ApiKeysPage /> },
            { path: 'audit', element: <AuditLogPage /> },
            { path: 'network', element: <NetworkSettingsPage /> },
            { path: 'sso', element: <SsoSettingsPage /> },
            { path: 'account', element: <AccountPage /> },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
