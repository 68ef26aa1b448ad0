import { Initial1795443851893 } from './1795443851893-initial';
import { TriggerSecurity1795445791658 } from './1795445791658-trigger-security';
import { HistorySearch1795448717716 } from './1795448717716-history-search';
import { WorkflowRetention1795450252864 } from './1795450252864-workflow-retention';
import { Credentials1795460000000 } from './1795460000000-credentials';
import { WorkflowConcurrency1795470000000 } from './1795470000000-workflow-concurrency';
import { AutoReplay1795470100000 } from './1795470100000-auto-replay';
import { Accounts1795480000000 } from './1795480000000-accounts';
import { Settings1795550000000 } from './1795550000000-settings';

/** Every migration, in order. CI checks that the entities need no further one (see test/integration). */
export const MIGRATIONS: Array<new () => object> = [
  Initial1795443851893,
  TriggerSecurity1795445791658,
  HistorySearch1795448717716,
  WorkflowRetention1795450252864,
  Credentials1795460000000,
  WorkflowConcurrency1795470000000,
  AutoReplay1795470100000,
  Accounts1795480000000,
  Settings1795550000000,
];
