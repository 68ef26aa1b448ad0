import { useQuery } from '@tanstack/react-query';
import { getReadiness, queryKeys } from '../api';

export function ApiStatus() {
  const health = useQuery({
    queryKey: queryKeys.health(),
    queryFn: ({ signal }) => getReadiness({ signal }),
    refetchInterval: 15_000,
    retry: false,
  });
  const state = health.isPending ? 'checking' : health.isError ? 'down' : 'up';
  const label = { checking: 'Checking API…', down: 'API unreachable', up: 'API online' }[state];
  return (
    <p className={`sy-shell__status sy-shell__status--${state}`} role="status">
      <span className="sy-shell__status-dot" aria-hidden="true" />
      {label}
    </p>
  );
}
