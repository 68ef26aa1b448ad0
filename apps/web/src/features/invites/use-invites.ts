import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createInvite, listInvites, queryKeys, revokeInvite, type Invite, type Role } from '../../api';

export function useInvites() {
  return useQuery({ queryKey: queryKeys.invites(), queryFn: ({ signal }) => listInvites({ signal }) });
}

export function useCreateInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (params: { role: Role; email?: string }) => createInvite(params),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.invites() }),
  });
}

export function useRevokeInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (params: { id: string }) => revokeInvite(params),
    onSuccess: (_result, params) => {
      queryClient.setQueryData(queryKeys.invites(), (old: Invite[] | undefined) => old?.filter((invite) => invite.id !== params.id));
    },
  });
}
