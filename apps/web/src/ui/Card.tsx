import type { HTMLAttributes, ReactNode, Ref } from 'react';
import './Card.css';

export interface CardProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** Removes the body padding, for tables and lists that run edge to edge. */
  flush?: boolean;
  tone?: 'default' | 'danger';
  headingLevel?: 2 | 3;
  /** The section element (React 19 passes `ref` as a prop), e.g. to move the focus to the card. */
  ref?: Ref<HTMLElement>;
}

/** White surface that groups related content; a titled card is a labelled region. */
export function Card({
  title,
  description,
  actions,
  flush = false,
  tone = 'default',
  headingLevel = 2,
  className,
  children,
  id,
  ...rest
}: CardProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = title && id ? `${id}-title` : undefined;
  return (
    <section
      id={id}
      className={['sy-card', tone === 'danger' && 'sy-card--danger', className].filter(Boolean).join(' ')}
      aria-labelledby={headingId}
      {...rest}
    >
      {title || actions ? (
        <header className="sy-card__header">
          <div className="sy-card__heading">
            {title ? (
              <Heading className="sy-card__title" id={headingId}>
                {title}
              </Heading>
            ) : null}
            {description ? <p className="sy-card__description">{description}</p> : null}
          </div>
          {actions ? <div className="sy-card__actions">{actions}</div> : null}
        </header>
      ) : null}
      <div className={flush ? 'sy-card__body sy-card__body--flush' : 'sy-card__body'}>{children}</div>
    </section>
  );
}
