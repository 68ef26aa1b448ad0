import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Every row of the product belongs to a workspace; a default one exists until accounts arrive. */
@Entity({ name: 'workspaces' })
export class WorkspaceEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}

/** The workspace every row belongs to until sign-in and workspaces arrive (issue 8). */
export const DEFAULT_WORKSPACE_ID = '00000000-0000-7000-8000-000000000001';
