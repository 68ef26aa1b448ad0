import type { EntityManager } from 'typeorm';

/**
 * Makes the draft of a workflow the definition just published (`versionId`), for the routes that
 * publish at once (`POST`, `PUT`, `PATCH /api/workflows`). A draft with unpublished changes (it
 * differs from `previous`, the definition that was live) is kept as it is: a script's publish does
 * not throw away someone's edits.
 */
export async function resetDraftToPublished(
  tx: EntityManager,
  params: { workspaceId: string; workflowId: string; versionId: string; definition: unknown; previous?: unknown; updatedBy: string | null },
): Promise<void> {
  await tx.query(
    `INSERT INTO workflow_drafts (workflow_id, workspace_id, definition, revision, based_on_version_id, updated_by, updated_at)
     VALUES ($1, $2, $3, 1, $4, $5, now())
     ON CONFLICT (workflow_id) DO UPDATE
        SET definition = EXCLUDED.definition, revision = workflow_drafts.revision + 1,
            based_on_version_id = EXCLUDED.based_on_version_id, updated_by = EXCLUDED.updated_by, updated_at = now(), last_test = NULL
      WHERE $6::jsonb IS NULL OR workflow_drafts.definition = $6::jsonb`,
    [
      params.workflowId,
      params.workspaceId,
      JSON.stringify(params.definition),
      params.versionId,
      params.updatedBy,
      params.previous === undefined ? null : JSON.stringify(params.previous),
    ],
  );
}
