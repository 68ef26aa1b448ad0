import { createBrowserRouter } from 'react-router';
import { RunPage } from '../features/runs/RunPage';
import { WorkflowPage } from '../features/workflows/WorkflowPage';
import { WorkflowsPage } from '../features/workflows/WorkflowsPage';
import { AppShell } from './AppShell';
import { NotFoundPage } from './NotFoundPage';
import { RouteError } from './RouteError';

export function createRouter() {
  return createBrowserRouter([
    {
      element: <AppShell />,
      errorElement: <RouteError />,
      children: [
        { index: true, element: <WorkflowsPage /> },
        { path: 'workflows/:id', element: <WorkflowPage /> },
        { path: 'runs/:id', element: <RunPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
