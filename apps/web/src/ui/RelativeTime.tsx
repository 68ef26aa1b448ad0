import { formatDateTime, formatRelativeTime } from '../lib/format-date';
import { useNow } from '../lib/use-now';

/** "3 minutes ago" that keeps itself current, with the exact time on hover. */
export function RelativeTime({ iso }: { iso: string | null | undefined }) {
  const now = useNow(30_000);
  if (!iso) return <span className="sy-muted">—</span>;
  return (
    <time dateTime={iso} title={formatDateTime({ iso })}>
      {formatRelativeTime({ iso, now })}
    </time>
  );
}
