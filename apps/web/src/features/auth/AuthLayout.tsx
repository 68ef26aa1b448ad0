import type { ReactNode } from 'react';
import { Card } from '../../ui';
import './AuthPages.css';

/** The centred card that the setup and sign-in pages share. */
export function AuthLayout({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <main className="sy-auth">
      <div className="sy-auth__panel">
        <div className="sy-auth__brand">
          <svg width="26" height="26" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <rect width="32" height="32" rx="8" fill="var(--sy-color-accent)" />
            <path d="M8 11h9l7 10" stroke="#fff" strokeWidth="3" fill="none" strokeLinecap="round" strokeLinejoin="round" />
            <path d="M8 21h6" stroke="#fff" strokeWidth="3" fill="none" strokeLinecap="round" />
            <circle cx="24" cy="11" r="2.5" fill="#fff" />
          </svg>
          <span>Switchyard</span>
        </div>
        <Card title={title} description={description}>
          <title>{`${title} · Switchyard`}</title>
          {children}
        </Card>
      </div>
    </main>
  );
}
