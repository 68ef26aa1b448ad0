import type { ReactNode } from 'react';
import './Badge.css';

export type BadgeTone = 'success' | 'danger' | 'warning' | 'info' | 'neutral' | 'accent';

export interface BadgeProps {
  tone?: BadgeTone;
  /** Animates the dot, for states that are still changing (running, queued). */
  pulse?: boolean;
  children: ReactNode;
  title?: string;
}

export function Badge({ tone = 'neutral', pulse = false, children, title }: BadgeProps) {
  return (
    <span className={`sy-badge sy-badge--${tone}`} title={title}>
      <span className={pulse ? 'sy-badge__dot sy-badge__dot--pulse' : 'sy-badge__dot'} aria-hidden="true" />
      {children}
    </span>
  );
}
