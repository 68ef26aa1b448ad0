import { Initial1795443851893 } from './1795443851893-initial';
import { TriggerSecurity1795445791658 } from './1795445791658-trigger-security';
import { HistorySearch1795448717716 } from './1795448717716-history-search';
import { WorkflowRetention1795450252864 } from './1795450252864-workflow-retention';
import { Credentials1795460000000 } from './1795460000000-credentials';
import { WorkflowConcurrency1795470000000 } from './1795470000000-workflow-concurrency';
import { AutoReplay1795470100000 } from './1795470100000-auto-replay';
import { Accounts1795480000000 } from './1795480000000-accounts';
import { Connections1795500000000 } from './1795500000000-connections';
import { Drafts1795520000000 } from './1795520000000-drafts';
import { Rehearsals1795520100000 } from './1795520100000-rehearsals';
import { TriggerTimers1795530000000 } from './1795530000000-trigger-timers';
import { RunTraceParent1795540000000 } from './1795540000000-run-trace-parent';
import { WorkflowAlertState1795540100000 } from './1795540100000-workflow-alert-state';
import { Settings1795550000000 } from './1795550000000-settings';
import { ReplayResolution1795560000000 } from './1795560000000-replay-resolution';
import { StepAttemptLog1795560100000 } from './1795560100000-step-attempt-log';
import { BodyWordsSearch1795560200000 } from './1795560200000-body-words-search';
import { WorkflowExternalId1795570000000 } from './1795570000000-workflow-external-id';
import { OidcUsers1795580000000 } from './1795580000000-oidc-users';
import { WorkflowSamples1795602000000 } from './1795602000000-workflow-samples';
import { WaitsAndCalls1795606000000 } from './1795606000000-waits-and-calls';
import { SsoSettings1795607000000 } from './1795607000000-sso-settings';
import { FlowControl1795608000000 } from './1795608000000-flow-control';
export const MIGRATIONS: Array<new () => object> = [
  Initial1795443851893,
  TriggerSecurity1795445791658,
  HistorySearch1795448717716,
  WorkflowRetention1795450252864,
  Credentials1795460000000,
  WorkflowConcurrency1795470000000,
  AutoReplay1795470100000,
  Accounts1795480000000,
  Connections1795500000000,
  Drafts1795520000000,
  Rehearsals1795520100000,
  TriggerTimers1795530000000,
  RunTraceParent1795540000000,
  WorkflowAlertState1795540100000,
  Settings1795550000000,
  ReplayResolution1795560000000,
  StepAttemptLog1795560100000,
  BodyWordsSearch1795560200000,
  WorkflowExternalId1795570000000,
  OidcUsers1795580000000,
  WorkflowSamples1795602000000,
  WaitsAndCalls1795606000000,
  SsoSettings1795607000000,
  FlowControl1795608000000,
];
