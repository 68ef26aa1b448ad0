import { ApiError } from '../../api';

export const LAST_OWNER_NOTE = 'A workspace keeps at least one owner: make someone else owner first.';

/**
 * A refusal of the Members page in one short sentence, said once: the API's 409 for the last owner
 * already says what to do (issue 19 item 7: the page used to append the same advice a second time).
 */
export function refusalMessage(error: unknown): string {
  if (error instanceof ApiError && error.status === 409 && error.code === 'last_owner') return LAST_OWNER_NOTE;
  return error instanceof Error ? error.message : String(error);
}
