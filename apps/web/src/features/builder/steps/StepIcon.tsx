import { Icon } from '../../../ui';
import { webKitOf } from './kits/web-step-kits';
import './StepIcon.css';

/** The icon of a step type in its colours (a generic one for a type this builder does not know). */
export function StepIcon({ type }: { type: string }) {
  const icon = webKitOf({ type })?.icon;
  return (
    <span className="sy-step-icon" style={{ background: icon?.background, color: icon?.color }} aria-hidden="true">
      <Icon name={icon?.name ?? 'workflow'} size={16} />
    </span>
  );
}
