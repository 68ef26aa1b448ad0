import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { changeMemberRole, listMembers, queryKeys, removeMember, type Member, type Role } from '../../api';
import { authStateKey } from '../auth/auth.api';

export function useMembers() {
  return useQuery({ queryKey: queryKeys.members(), queryFn: ({ signal }) => listMembers({ signal }) });
}

export function useChangeMemberRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (params: { userId: string; role: Role }) => changeMemberRole(params),
    onSuccess: (_member, params) => {
      queryClient.setQueryData(queryKeys.members(), (old: Member[] | undefined) =>
        old?.map((member) => (member.userId === params.userId ? { ...member, role: params.role } : member)),
      );
      // The signed-in user may have changed their own role.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.members() }),
        queryClient.invalidateQueries({ queryKey: authStateKey }),
      ]);
    },
  });
}

export function useRemoveMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (params: { userId: string }) => removeMember(params),
    onSuccess: (_result, params) => {
      queryClient.setQueryData(queryKeys.members(), (old: Member[] | undefined) =>
        old?.filter((member) => member.userId !== params.userId),
      );
      return queryClient.invalidateQueries({ queryKey: authStateKey });
    },
  });
}
