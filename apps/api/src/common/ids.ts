import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/** Time-ordered ids: sorting by id sorts by creation, so ids double as cursors. */
export function newId(): string {
  return uuidv7();
}

/** An unguessable trigger token: 192 random bits in base64url (32 characters). */
export function newTriggerToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Whether a string is an id (the contract's test, also used for cursors). */
export { isUuid } from '@switchyard/contract';
