import './replay/replay.css';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../ui';
import { AllRequests } from '../requests/AllRequests';
import { UpcomingTriggers } from '../upcoming/UpcomingTriggers';
import { RunsView } from './RunsView';

/** `/runs`: the runs of every workflow, to find what happened without knowing where; `?view=requests`: every request. */
export function RunsPage() {
  const [params] = useSearchParams();
  const requests = params.get('view') === 'requests';
  return (
    <>
      <title>{requests ? 'Requests · Switchyard' : 'Runs · Switchyard'}</title>
      <PageHeader
        title="Runs"
        description="Find any run by status, time or a value of its request, inspect it, and replay what failed; or every request received, refused ones too."
      />
      <nav className="sy-runs-page__views" aria-label="Runs or requests">
        <Link to="/runs" aria-current={requests ? undefined : 'page'}>
          Runs
        </Link>
        <Link to="/runs?view=requests" aria-current={requests ? 'page' : undefined}>
          Requests (every verdict)
        </Link>
      </nav>
      {requests ? (
        <AllRequests />
      ) : (
        <>
          <UpcomingTriggers />
          <RunsView />
        </>
      )}
    </>
  );
}
