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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
