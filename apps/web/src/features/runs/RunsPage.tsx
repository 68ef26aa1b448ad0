import { PageHeader } from '../../ui';
import { UpcomingTriggers } from '../upcoming/UpcomingTriggers';
import { RunsView } from './RunsView';

/** `/runs`: the runs of every workflow, to find what happened without knowing where. */
export function RunsPage() {
  return (
    <>
      <title>Runs · Switchyard</title>
      <PageHeader title="Runs" description="Find any run by status, time or payload field, inspect it, and replay what failed." />
      <UpcomingTriggers />
      <RunsView />
    </>
  );
}
