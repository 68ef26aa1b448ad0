import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { runNowSchema, type RunNowResult } from '@switchyard/contract';
import { DataSource } from 'typeorm';
import { AuditService } from '../../accounts/audit.service';
import { type Actor, actorLabel } from '../../accounts/auth-context';
import { ApiError } from '../../common/api-error';
import { parseInput } from '../../common/parse-input';
import { WorkflowEntity } from '../../database/entities/workflow.entity';
import { DISPATCHER, type Dispatcher } from '../../runtime/dispatch/dispatcher';
import { RunLedger } from '../../runtime/ledger/run-ledger';
import { recordFiring } from '../record-firing';

/**
 * Run now: an editor starts a workflow's published version by hand with a JSON input. It is recorded
 * like any firing, a request with the verdict `manual` whose reason names who started it, and runs
 * even when the workflow is switched off (starting it by hand is the point).
 */
@Injectable()
export class RunNowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DISPATCHER) private readonly dispatcher: Dispatcher,
    private readonly ledger: RunLedger,
    private readonly audit: AuditService,
  ) {}

  async run(workspaceId: string, workflowId: string, body: unknown, actor: Actor): Promise<RunNowResult> {
    const input = parseInput(runNowSchema, body ?? {});
    const workflow = await this.dataSource.getRepository(WorkflowEntity).findOneBy({ id: workflowId, workspaceId });
    if (!workflow) throw ApiError.notFound('Workflow', workflowId);
    if (!workflow.currentVersionId) {
      throw new ApiError(409, 'not_published', `Workflow ${workflowId} has no published version to run; publish it first`);
    }
    const versionId = workflow.currentVersionId;
    const who = actorLabel(actor);
    const fired = await this.dataSource.transaction(async (tx) => {
      const recorded = await recordFiring(tx, this.ledger, {
        workspaceId,
        workflowId,
        versionId,
        verdict: 'manual',
        reason: `Run now by ${who}`,
        body: input.input ?? {},
        headers: { 'x-switchyard-started-by': who },
        statusCode: 201,
      });
      await this.audit.record(
        { workspaceId, actor, action: 'workflow.run', target: { type: 'workflow', id: workflowId, name: workflow.name }, after: recorded },
        tx,
      );
      return recorded;
    });
    this.dispatcher.dispatch([fired.runId]);
    return fired;
  }
}
