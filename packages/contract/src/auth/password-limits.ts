/** The shortest password accepted (setup, invite, password change). */
export const MIN_PASSWORD_LENGTH = 10;
/** The longest password accepted. */
export const MAX_PASSWORD_LENGTH = 1024;
