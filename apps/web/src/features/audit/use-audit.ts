import { useInfiniteQuery } from '@tanstack/react-query';
import { listAudit, queryKeys } from '../../api';

const PAGE_SIZE = 50;

export function useAuditLog() {
  const query = useInfiniteQuery({
    queryKey: queryKeys.audit(),
    queryFn: ({ pageParam, signal }) => listAudit({ limit: PAGE_SIZE, cursor: pageParam, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? null,
  });
  return { ...query, entries: query.data?.pages.flatMap((page) => page.items) ?? [] };
}
