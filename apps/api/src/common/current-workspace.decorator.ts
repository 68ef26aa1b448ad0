import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthedRequest } from '../accounts/auth-context';
import { ApiError } from './api-error';

/**
 * The workspace of the request, as the AccessGuard resolved it (the key's workspace, the
 * `x-switchyard-workspace` header, or the user's first workspace). Services filter every query by it.
 */
export const CurrentWorkspace = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const workspaceId = context.switchToHttp().getRequest<AuthedRequest>().auth?.workspaceId;
  // Reaching a workspace route without one is a wiring error (a route declared public or signed-in).
  if (!workspaceId) throw new ApiError(500, 'internal_error', 'No workspace was resolved for this route');
  return workspaceId;
});
