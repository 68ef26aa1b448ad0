import { absoluteUrl } from '../../lib/absolute-url';
import { triggerReachability } from '../../lib/reachability';
import { ReachabilityHelp } from '../network/ReachabilityHelp';
import { CopyButton } from '../../ui';
import './TriggerUrl.css';

/** A workflow's webhook address, in full, with a copy button; unless compact, a warning when the internet cannot reach it. */
export function TriggerUrl({ url, workflowName, compact = false }: { url: string; workflowName: string; compact?: boolean }) {
  const full = absoluteUrl({ url, origin: window.location.origin });
  const unreachable = compact ? null : triggerReachability({ url: full });
  const field = (
    <span className={compact ? 'sy-trigger-url sy-trigger-url--compact' : 'sy-trigger-url'}>
      <code className="sy-trigger-url__text" title={full}>
        {full}
      </code>
      <CopyButton text={full} label={`Copy trigger URL of ${workflowName}`} variant={compact ? 'ghost' : 'secondary'}>
        {compact ? undefined : 'Copy'}
      </CopyButton>
    </span>
  );
  if (!unreachable) return field;
  return (
    <>
      {field}
      <ReachabilityHelp unreachable={unreachable} />
    </>
  );
}
