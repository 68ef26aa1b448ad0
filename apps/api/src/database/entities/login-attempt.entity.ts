import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A failed sign-in, keyed by `email:<address>` and by `ip:<address>`. Counted over a window to slow
 * down and lock guessing; kept in PostgreSQL so every api process sees the same count.
 */
@Entity({ name: 'login_attempts' })
@Index('idx_login_attempts_key', ['key', 'at'])
export class LoginAttemptEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
