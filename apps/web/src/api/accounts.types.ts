/** Roles in a workspace, from the most to the least powerful. */
export type Role = 'owner' | 'admin' | 'editor' | 'viewer';

export interface WorkspaceMembership {
  id: string;
  name: string;
  role: Role;
}

export interface Member {
  userId: string;
  email: string;
  name: string | null;
  role: Role;
  joinedAt: string;
}

export interface Invite {
  id: string;
  role: Role;
  email: string | null;
  /** The one-time link; present when the invite was just created, and on lists when the server keeps it. */
  url?: string;
  expiresAt: string;
  createdAt?: string;
  /** In the create answer: whether the link was e-mailed to `email` (the server needs SMTP), and why not when sending failed. */
  emailed?: boolean;
  emailError?: string;
}

/** `GET /api/invites/:token` (public): what the invite is for. */
export interface InvitePreview {
  workspaceName: string;
  role: Role;
  email: string | null;
  workspaceId?: string;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  createdAt: string;
  lastUsedAt: string | null;
  createdBy: string | { id: string; email?: string; name?: string | null } | null;
}

/** `POST /api/api-keys`: the key itself is in this answer only. */
export interface CreatedApiKey extends ApiKey {
  key: string;
}

export interface AuditActor {
  type: string;
  id: string | null;
  label: string | null;
}

export interface AuditTarget {
  type: string;
  id: string | null;
  name: string | null;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: AuditActor;
  action: string;
  target: AuditTarget | null;
  before: unknown;
  after: unknown;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}
