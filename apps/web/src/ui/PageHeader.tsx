import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Icon } from './Icon';
import './PageHeader.css';

export interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  /** Link back to the parent page, shown above the title. */
  back?: { to: string; label: string };
  /** Badges or small facts shown beside the title. */
  meta?: ReactNode;
  actions?: ReactNode;
}

export function PageHeader({ title, description, back, meta, actions }: PageHeaderProps) {
  return (
    <header className="sy-page-header">
      {back ? (
        <Link className="sy-page-header__back" to={back.to}>
          <Icon name="arrowLeft" size={14} />
          {back.label}
        </Link>
      ) : null}
      <div className="sy-page-header__row">
        <div className="sy-page-header__text">
          <div className="sy-page-header__title-row">
            <h1 className="sy-page-header__title">{title}</h1>
            {meta}
          </div>
          {description ? <div className="sy-page-header__description">{description}</div> : null}
        </div>
        {actions ? <div className="sy-page-header__actions">{actions}</div> : null}
      </div>
    </header>
  );
}
