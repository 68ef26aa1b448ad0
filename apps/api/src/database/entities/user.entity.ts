import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A person who signs in. Emails are stored lower-cased; the password only as an argon2id hash. */
@Entity({ name: 'users' })
@Index('uq_users_oidc_subject', ['oidcIssuer', 'oidcSubject'], { unique: true, where: 'oidc_subject IS NOT NULL' })
export class UserEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index('uq_users_email', { unique: true })
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Null for users who only sign in with single sign-on. */
  @Column({ type: 'text', name: 'password_hash', nullable: true })
  passwordHash!: string | null;

  /** The OpenID Connect issuer and subject that signed this user in (docs/accounts.md "Single sign-on"). */
  @Column({ type: 'text', name: 'oidc_issuer', nullable: true })
  oidcIssuer!: string | null;

  @Column({ type: 'text', name: 'oidc_subject', nullable: true })
  oidcSubject!: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
