import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Button } from '../../ui';
import { signOut } from './auth.api';
import { useAuthState } from './use-auth';

/** The signed-in user's email and a sign-out button, for the shell's sidebar. */
export function SignOutButton() {
  const state = useAuthState();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logout = useMutation({
    mutationFn: signOut,
    onSettled: () => {
      // Nothing of the previous user may stay in the cache.
      queryClient.clear();
      navigate('/sign-in', { replace: true });
    },
  });
  const user = state.data?.user;
  if (!user) return null;
  return (
    <div className="sy-shell__account">
      <span className="sy-shell__account-email" title={user.email}>
        {user.email}
      </span>
      <Button size="sm" variant="ghost" onClick={() => logout.mutate()} loading={logout.isPending}>
        Sign out
      </Button>
    </div>
  );
}
