import { createParamDecorator } from '@nestjs/common';
import { DEFAULT_WORKSPACE_ID } from '../database/entities/workspace.entity';

/**
 * The workspace of the caller. Until sign-in arrives (issue 8) everyone is in the default
 * workspace; the auth guard will set it on the request and this decorator will read it there.
 */
export const CurrentWorkspace = createParamDecorator((): string => DEFAULT_WORKSPACE_ID);
