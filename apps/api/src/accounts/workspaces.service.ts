import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from './audit.service';
import type { Actor } from './auth-context';
import {
  acceptInviteSchema,
  type CreatedInvite,
  createInviteSchema,
  createWorkspaceSchema,
  type Invite,
  type InvitePreview,
  type Member,
  updateMemberSchema,
  type WorkspaceMembership,
} from '@switchyard/contract';
import { AuthService, type NewSession, type SessionUser } from './auth.service';
import { hashPassword } from './passwords';
import { type Role, roleAtLeast } from './roles';
import { randomToken, sha256 } from './tokens';
import { ApiError } from '../common/api-error';
import { newId } from '../common/ids';
import { parseInput } from '../common/parse-input';
import { APP_CONFIG, type AppConfig } from '../config/config.schema';
import { ServerMailer } from '../mail/server-mailer';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of raw SQL
type Row = Record<string, any>;

export const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;

const inviteDto = (r: Row): Invite => ({
  id: r.id,
  role: r.role,
  email: r.email,
  expiresAt: new Date(r.expires_at).toISOString(),
  createdAt: new Date(r.created_at).toISOString(),
});

/** Workspaces, their members and invites. Every query names the workspace the guard resolved. */
@Injectable()
export class WorkspacesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly mailer: ServerMailer,
  ) {}

  async create(user: SessionUser, body: unknown): Promise<WorkspaceMembership> {
    const input = parseInput(createWorkspaceSchema, body);
    const id = newId();
    await this.dataSource.transaction(async (tx) => {
      await tx.query(`INSERT INTO workspaces (id, name) VALUES ($1, $2)`, [id, input.name]);
      await tx.query(`INSERT INTO workspace_members (workspace_id, user_id, role) VALUES ($1, $2, 'owner')`, [id, user.id]);
      await this.audit.record(
        {
          workspaceId: id,
          actor: { type: 'user', ...user },
          action: 'workspace.created',
          target: { type: 'workspace', id, name: input.name },
        },
        tx,
      );
    });
    return { id, name: input.name, role: 'owner' };
  }

  /** Deletes the workspace and everything in it (owners only; not the caller's last workspace). */
  async remove(workspaceId: string, actor: Actor): Promise<void> {
    if (actor.type === 'user') {
      const mine = await this.auth.memberships(actor.id);
      if (mine.length <= 1) throw new ApiError(409, 'last_workspace', 'This is your only workspace: create another one before deleting it');
    }
    await this.dataSource.query(`DELETE FROM workspaces WHERE id = $1`, [workspaceId]);
  }

  async name(workspaceId: string): Promise<string> {
    const [row] = await this.dataSource.query(`SELECT name FROM workspaces WHERE id = $1`, [workspaceId]);
    return row?.name ?? '';
  }

  async members(workspaceId: string): Promise<Member[]> {
    const rows = await this.dataSource.query(
      `SELECT u.id, u.email, u.name, m.role, m.created_at FROM workspace_members m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = $1 ORDER BY m.created_at, u.id`,
      [workspaceId],
    );
    return rows.map((r: Row) => ({
      userId: r.id,
      email: r.email,
      name: r.name,
      role: r.role,
      joinedAt: new Date(r.created_at).toISOString(),
    }));
  }

  /**
   * Changes a member's role. Admins manage viewers and editors (up to admin); only owners touch
   * admins and owners or grant owner. The last owner stays an owner.
   */
  async updateMember(workspaceId: string, actor: Actor, callerRole: Role, userId: string, body: unknown): Promise<Member> {
    const { role } = parseInput(updateMemberSchema, body);
    await this.dataSource.transaction(async (tx) => {
      const member = await this.lockMember(tx, workspaceId, userId);
      this.checkManage(callerRole, member.role, role);
      if (member.role === 'owner' && role !== 'owner') await this.keepAnOwner(tx, workspaceId);
      await tx.query(`UPDATE workspace_members SET role = $3 WHERE workspace_id = $1 AND user_id = $2`, [workspaceId, userId, role]);
      await this.audit.record(
        {
          workspaceId,
          actor,
          action: 'member.role-changed',
          target: { type: 'member', id: userId, name: member.email },
          before: { role: member.role },
          after: { role },
        },
        tx,
      );
    });
    return (await this.members(workspaceId)).find((m) => m.userId === userId) as Member;
  }

  async removeMember(workspaceId: string, actor: Actor, callerRole: Role, userId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const member = await this.lockMember(tx, workspaceId, userId);
      const self = actor.type === 'user' && actor.id === userId;
      if (!self) this.checkManage(callerRole, member.role, 'viewer');
      if (member.role === 'owner') await this.keepAnOwner(tx, workspaceId);
      await tx.query(`DELETE FROM workspace_members WHERE workspace_id = $1 AND user_id = $2`, [workspaceId, userId]);
      await this.audit.record(
        {
          workspaceId,
          actor,
          action: 'member.removed',
          target: { type: 'member', id: userId, name: member.email },
          before: { role: member.role },
        },
        tx,
      );
    });
  }

  private checkManage(callerRole: Role, currentRole: Role, newRole: Role): void {
    if (callerRole === 'owner') return;
    if (roleAtLeast({ role: currentRole, min: 'admin' }) || newRole === 'owner') {
      throw new ApiError(403, 'forbidden', 'Only an owner can change admins and owners or make someone an owner');
    }
  }

  private async lockMember(tx: EntityManager, workspaceId: string, userId: string): Promise<{ role: Role; email: string }> {
    const [row] = await tx.query(
      `SELECT m.role, u.email FROM workspace_members m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = $1 AND m.user_id = $2 FOR UPDATE OF m`,
      [workspaceId, userId],
    );
    if (!row) throw ApiError.notFound('Member', userId);
    return row;
  }

  private async keepAnOwner(tx: EntityManager, workspaceId: string): Promise<void> {
    const owners = await tx.query(`SELECT user_id FROM workspace_members WHERE workspace_id = $1 AND role = 'owner' FOR UPDATE`, [
      workspaceId,
    ]);
    if (owners.length <= 1) throw new ApiError(409, 'last_owner', 'A workspace keeps at least one owner: make someone else owner first');
  }

  async invites(workspaceId: string): Promise<Invite[]> {
    const rows = await this.dataSource.query(
      `SELECT * FROM invites WHERE workspace_id = $1 AND accepted_at IS NULL AND expires_at > now() ORDER BY id DESC`,
      [workspaceId],
    );
    return rows.map(inviteDto);
  }

  /** A one-time link for the inviter to copy; the token is shown only here. */
  /**
   * Creates an invite; with an `email` and SWITCHYARD_SMTP_URL set, the link is also e-mailed.
   * `emailed` says whether it was (with `emailError` when sending failed): the invite exists either
   * way and its link can be copied.
   */
  async createInvite(workspaceId: string, actor: Actor, callerRole: Role, body: unknown): Promise<CreatedInvite> {
    const input = parseInput(createInviteSchema, body);
    if (!roleAtLeast({ role: callerRole, min: input.role }))
      throw new ApiError(403, 'forbidden', `A ${callerRole} cannot invite someone as ${input.role}`);
    const token = randomToken();
    const id = newId();
    await this.dataSource.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO invites (id, workspace_id, token_hash, role, email, created_by, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          id,
          workspaceId,
          sha256(token),
          input.role,
          input.email ?? null,
          actor.type === 'user' ? actor.id : null,
          new Date(Date.now() + INVITE_TTL_MS),
        ],
      );
      await this.audit.record(
        {
          workspaceId,
          actor,
          action: 'invite.created',
          target: { type: 'invite', id, name: input.email ?? null },
          after: { role: input.role, email: input.email ?? null },
        },
        tx,
      );
    });
    const [row] = await this.dataSource.query(
      `SELECT i.*, w.name AS workspace_name FROM invites i JOIN workspaces w ON w.id = i.workspace_id WHERE i.id = $1`,
      [id],
    );
    const invite = { ...inviteDto(row), url: `${this.config.publicUrl}/invite/${token}` };
    if (!invite.email || !this.mailer.configured) return { ...invite, emailed: false };
    try {
      await this.mailer.send({
        to: [invite.email],
        subject: `You're invited to ${row.workspace_name} on Switchyard`,
        text: [
          `${actor.type === 'user' ? actor.name || actor.email : 'A workspace admin'} invited you to join the workspace "${row.workspace_name}" on Switchyard as ${invite.role}.`,
          '',
          `Accept the invite: ${invite.url}`,
          '',
          `The link can be used once and expires on ${new Date(invite.expiresAt).toUTCString()}.`,
          'If you did not expect this invite, ignore this e-mail.',
        ].join('\n'),
        messageId: `<invite.${id}@switchyard>`,
      });
      return { ...invite, emailed: true };
    } catch (err) {
      return { ...invite, emailed: false, emailError: (err as Error).message };
    }
  }

  async revokeInvite(workspaceId: string, actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const [rows] = await tx.query(`DELETE FROM invites WHERE id = $1 AND workspace_id = $2 AND accepted_at IS NULL RETURNING email`, [
        id,
        workspaceId,
      ]);
      if (!rows[0]) throw ApiError.notFound('Invite', id);
      await this.audit.record({ workspaceId, actor, action: 'invite.revoked', target: { type: 'invite', id, name: rows[0].email } }, tx);
    });
  }

  private async openInvite(manager: EntityManager, token: string, lock = false) {
    const [row] = await manager.query(
      `SELECT i.*, w.name AS workspace_name FROM invites i JOIN workspaces w ON w.id = i.workspace_id WHERE i.token_hash = $1 ${lock ? 'FOR UPDATE OF i' : ''}`,
      [sha256(token)],
    );
    // Used, expired and unknown invites answer alike: the link is of no use any more.
    if (!row || row.accepted_at || new Date(row.expires_at) <= new Date())
      throw new ApiError(404, 'invite_invalid', 'This invite link is unknown, used or expired');
    return row;
  }

  /** What the invite page shows before accepting. */
  async describeInvite(token: string): Promise<InvitePreview> {
    const row = await this.openInvite(this.dataSource.manager, token);
    return { workspaceName: row.workspace_name, role: row.role, email: row.email, expiresAt: new Date(row.expires_at).toISOString() };
  }

  /**
   * Joins the invite's workspace: a signed-in user joins as they are; otherwise a new account is
   * created from `{ email, password, name? }`. Signs the new user in.
   */
  async acceptInvite(
    token: string,
    signedIn: SessionUser | null,
    body: unknown,
  ): Promise<{ workspaceId: string; role: Role; session: NewSession | null }> {
    const input = parseInput(acceptInviteSchema, body ?? {});
    if (!signedIn && (!input.email || !input.password)) {
      throw new ApiError(400, 'validation_failed', 'Choose an email and a password for your account', [
        ...(input.email ? [] : [{ path: 'email', message: 'is required' }]),
        ...(input.password ? [] : [{ path: 'password', message: 'is required' }]),
      ]);
    }
    const passwordHash = signedIn ? null : await hashPassword(input.password as string);
    return this.dataSource.transaction(async (tx) => {
      const invite = await this.openInvite(tx, token, true);
      const email = signedIn ? signedIn.email : (input.email as string);
      if (invite.email && invite.email !== email) throw new ApiError(403, 'invite_email_mismatch', `This invite is for ${invite.email}`);
      let user: { id: string; email: string; name: string };
      if (signedIn) {
        user = signedIn;
      } else {
        const [existing] = await tx.query(`SELECT id FROM users WHERE email = $1`, [email]);
        if (existing)
          throw new ApiError(409, 'email_taken', 'An account with this email exists: sign in first, then open the invite link again');
        user = { id: newId(), email, name: input.name ?? email.split('@')[0] };
        await tx.query(`INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, $3, $4)`, [
          user.id,
          user.email,
          user.name,
          passwordHash,
        ]);
      }
      await tx.query(
        `INSERT INTO workspace_members (workspace_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT (workspace_id, user_id) DO NOTHING`,
        [invite.workspace_id, user.id, invite.role],
      );
      await tx.query(`UPDATE invites SET accepted_at = now(), accepted_by = $2 WHERE id = $1`, [invite.id, user.id]);
      await this.audit.record(
        {
          workspaceId: invite.workspace_id,
          actor: { type: 'user', ...user, sessionId: '' },
          action: 'member.joined',
          target: { type: 'member', id: user.id, name: user.email },
          after: { role: invite.role },
        },
        tx,
      );
      const session = signedIn ? null : await this.auth.startSession(tx, user);
      return { workspaceId: invite.workspace_id, role: invite.role, session };
    });
  }
}
