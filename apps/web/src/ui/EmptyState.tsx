import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';
import './EmptyState.css';

export interface EmptyStateProps {
  icon?: IconName;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
}

export function EmptyState({ icon = 'inbox', title, description, children }: EmptyStateProps) {
  return (
    <div className="sy-empty">
      <div className="sy-empty__icon">
        <Icon name={icon} size={22} />
      </div>
      <h2 className="sy-empty__title">{title}</h2>
      {description ? <p className="sy-empty__description">{description}</p> : null}
      {children ? <div className="sy-empty__content">{children}</div> : null}
    </div>
  );
}
