import { NavLink } from 'react-router';
import { Icon } from '../../ui';
import { workflowHealthPath, workflowPath, workflowRequestsPath } from './workflow-paths';
import './WorkflowTabs.css';

/** Runs, Inbox (request log) and Health of one workflow, as links so each view has its own address. */
export function WorkflowTabs({ workflowId }: { workflowId: string }) {
  const tabClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'sy-tabs__tab sy-tabs__tab--active' : 'sy-tabs__tab');
  return (
    <nav className="sy-tabs" aria-label="Workflow views">
      <NavLink to={workflowPath(workflowId)} end className={tabClass}>
        <Icon name="bolt" size={15} />
        Runs
      </NavLink>
      <NavLink to={workflowRequestsPath(workflowId)} className={tabClass}>
        <Icon name="inbox" size={15} />
        Inbox
      </NavLink>
      <NavLink to={workflowHealthPath(workflowId)} className={tabClass}>
        <Icon name="history" size={15} />
        Health
      </NavLink>
    </nav>
  );
}
