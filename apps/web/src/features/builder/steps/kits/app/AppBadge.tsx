import type { AppDefinition } from '@switchyard/engine';

/** The app's initials on its brand colour (no logos are bundled). */
export function AppBadge({ app }: { app: Pick<AppDefinition, 'name' | 'color'> }) {
  const initials = app.name
    .split(/\s+/)
    .map((w) => w[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();
  return (
    <span
      className="sy-app-badge"
      aria-hidden
      style={{ background: app.color, color: '#fff', borderRadius: 6, padding: '2px 6px', fontSize: 12, fontWeight: 600 }}
    >
      {initials}
    </span>
  );
}
