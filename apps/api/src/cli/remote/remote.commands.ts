import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Bundle, ImportPlan, ImportResult, RunCreated, RunPage, Workflow, WorkflowList } from '@switchyard/contract';
import type { CliContext } from '../cli-context';
import { readBundleFolder, readJson, splitBundle, writeFolder } from './bundle-files';
import { RemoteClient, type RemoteOptions, remoteAction, UsageError, withRemoteOptions } from './remote-client';

const TERMINAL = new Set(['succeeded', 'failed', 'filtered', 'cancelled']);

function printPlan(ctx: CliContext, plan: ImportPlan, heading: string): void {
  ctx.err(heading);
  for (const w of plan.workflows)
    ctx.err(`  ${w.action.padEnd(9)} ${w.name} (${w.externalId})${w.needsTriggerSecrets ? ' · set its signing secrets' : ''}`);
  for (const c of plan.credentials) ctx.err(`  credential ${c.status === 'matched' ? 'connected ' : 'TO CONNECT'} ${c.name} (${c.type})`);
  for (const c of plan.conflicts) ctx.err(`  conflict  ${c.message}`);
  ctx.err(`  ${plan.summary.create} to create, ${plan.summary.update} to update, ${plan.summary.unchanged} unchanged`);
}

/** `--map ref=credentialId`, repeated. */
function parseMap(values: string[] | undefined): Record<string, string> | undefined {
  if (!values?.length) return undefined;
  const map: Record<string, string> = {};
  for (const value of values) {
    const [ref, id] = value.split('=');
    if (!ref || !id) throw new UsageError(`--map takes REF=CREDENTIAL_ID (got ${value})`);
    map[ref] = id;
  }
  return map;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Preview, then import unless `dryRun`: what `import` and `apply` share. Exit 1 when the bundle cannot be imported as it is. */
async function importOrPreview(
  ctx: CliContext,
  client: RemoteClient,
  request: { bundle: unknown; credentials?: Record<string, string> },
  options: RemoteOptions & { dryRun?: boolean },
): Promise<void> {
  const plan = await client.request<ImportPlan>('POST', '/api/bundles/preview', request);
  if (options.dryRun || !plan.ready) {
    if (options.json) ctx.out(JSON.stringify(plan));
    printPlan(
      ctx,
      plan,
      options.dryRun ? 'Dry run: nothing was written.' : 'Not imported: connect the credentials marked TO CONNECT first.',
    );
    if (!plan.ready) ctx.setExitCode(1);
    return;
  }
  const result = await client.request<ImportResult>('POST', '/api/bundles/import', request);
  if (options.json) ctx.out(JSON.stringify(result));
  printPlan(ctx, result, 'Imported.');
}

/** The workflow named by an id, an externalId-less exact name, or an id prefix is not guessed: id or exact name only. */
async function resolveWorkflow(client: RemoteClient, ref: string): Promise<Workflow> {
  if (/^[0-9a-f-]{36}$/i.test(ref)) return client.request<Workflow>('GET', `/api/workflows/${ref}`);
  const { items } = await client.request<WorkflowList>('GET', '/api/workflows');
  const matches = items.filter((w) => w.name === ref);
  if (matches.length === 1) return matches[0];
  throw new UsageError(
    matches.length === 0
      ? `no workflow is named "${ref}" (give its name or id)`
      : `${matches.length} workflows are named "${ref}": give the id`,
  );
}

/**
 * The commands that drive a running server over HTTP with an API key: `export`, `import`, `apply`,
 * `runs tail`, `replay`. See docs/cli.md.
 */
export function registerRemoteCommands(program: Command, ctx: CliContext): void {
  withRemoteOptions(
    program
      .command('export')
      .summary('export workflows as a bundle (never secrets)')
      .description(
        'Writes a bundle of the workspace, or of the workflows given with --workflow, to stdout, --out FILE, or --dir DIR (one file per workflow, for apply).',
      )
      .option('--workflow <id>', 'a workflow id (repeat for several); default: every workflow', collect)
      .option('--out <file>', 'write the bundle to this file instead of stdout')
      .option('--dir <dir>', 'write one workflow file per workflow into this folder (the input of apply)'),
  ).action(
    remoteAction(ctx, async (options: RemoteOptions & { workflow?: string[]; out?: string; dir?: string }) => {
      if (options.out && options.dir) throw new UsageError('give --out or --dir, not both');
      const client = RemoteClient.from(ctx, options);
      const query = options.workflow?.length ? `?workflowIds=${options.workflow.map(encodeURIComponent).join(',')}` : '';
      const bundle = await client.request<Bundle>('GET', `/api/bundles/export${query}`);
      if (options.dir) {
        const entries = splitBundle(bundle);
        writeFolder(options.dir, entries);
        if (options.json) ctx.out(JSON.stringify({ dir: options.dir, files: entries.map((e) => e.file) }));
        ctx.err(`Exported ${entries.length} workflow file(s) to ${options.dir}`);
      } else if (options.out) {
        writeFileSync(options.out, `${JSON.stringify(bundle, null, 2)}\n`);
        if (options.json) ctx.out(JSON.stringify({ file: options.out, workflows: bundle.workflows.length }));
        ctx.err(`Exported ${bundle.workflows.length} workflow(s) to ${options.out}`);
      } else ctx.out(JSON.stringify(bundle, null, 2));
    }),
  );

  withRemoteOptions(
    program
      .command('import')
      .summary('import a bundle (preview first; --dry-run writes nothing)')
      .description(
        'Shows what the bundle would create and update, then imports it. Workflows are matched by externalId; credentials by name and type, or --map. Exit 1 when it cannot be imported (invalid, too new, credentials to connect).',
      )
      .argument('<file>', 'a bundle made by export')
      .option('--dry-run', 'only show the plan; write nothing')
      .option('--map <ref=id>', 'use this credential of the server for a credential ref of the bundle (repeatable)', collect),
  ).action(
    remoteAction(ctx, async (file: string, options: RemoteOptions & { dryRun?: boolean; map?: string[] }) => {
      const client = RemoteClient.from(ctx, options);
      await importOrPreview(ctx, client, { bundle: readJson(file), credentials: parseMap(options.map) }, options);
    }),
  );

  withRemoteOptions(
    program
      .command('apply')
      .summary('import a folder of workflow files, one per workflow (--dry-run writes nothing)')
      .description(
        'Reads every *.json of DIR (files written by export --dir, one workflow each, kept in Git), and imports them as one bundle: matched by externalId, created or updated, never deleted. Exit 1 when it cannot be applied.',
      )
      .argument('<dir>', 'the folder of workflow files')
      .option('--dry-run', 'only show the plan; write nothing')
      .option('--map <ref=id>', 'use this credential of the server for a credential ref (repeatable)', collect),
  ).action(
    remoteAction(ctx, async (dir: string, options: RemoteOptions & { dryRun?: boolean; map?: string[] }) => {
      const client = RemoteClient.from(ctx, options);
      const { bundle, files } = readBundleFolder(dir);
      ctx.err(`Read ${files.length} workflow file(s) from ${dir}`);
      await importOrPreview(ctx, client, { bundle, credentials: parseMap(options.map) }, options);
    }),
  );

  const runs = program.command('runs').summary('runs of a workflow');
  withRemoteOptions(
    runs
      .command('tail')
      .summary('print the latest runs of a workflow; --follow prints new ones as they come')
      .argument('<workflow>', 'workflow id or exact name')
      .option('-n, --limit <n>', 'how many of the latest runs to print first (1-100)', '10')
      .option('--status <status>', 'only runs with this status')
      .option('-f, --follow', 'keep printing new runs (and runs that change status) until interrupted')
      .option('--interval <seconds>', 'seconds between polls with --follow', '2'),
  ).action(
    remoteAction(
      ctx,
      async (ref: string, options: RemoteOptions & { limit: string; status?: string; follow?: boolean; interval: string }) => {
        const client = RemoteClient.from(ctx, options);
        const limit = Number(options.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new UsageError('--limit must be a whole number from 1 to 100');
        const interval = Number(options.interval);
        if (!(interval >= 0.2 && interval <= 3600)) throw new UsageError('--interval must be between 0.2 and 3600 seconds');
        const workflow = await resolveWorkflow(client, ref);
        const status = options.status ? `&status=${encodeURIComponent(options.status)}` : '';
        const seen = new Map<string, string>();
        const print = (run: RunPage['items'][number]) => {
          if (options.json) ctx.out(JSON.stringify(run));
          else
            ctx.out(
              `${run.createdAt}  ${run.id}  ${run.status.padEnd(9)}  ${run.durationMs === null ? '' : `${run.durationMs} ms`}${run.error ? `  ${run.error.message}` : ''}`,
            );
        };
        const poll = async (size: number) => {
          const page = await client.request<RunPage>('GET', `/api/workflows/${workflow.id}/runs?limit=${size}${status}`);
          for (const run of [...page.items].reverse()) {
            if (seen.get(run.id) === run.status) continue;
            seen.set(run.id, run.status);
            print(run);
          }
        };
        if (!options.json)
          ctx.err(`Runs of ${workflow.name} (${workflow.id}), oldest first${options.follow ? '; following (Ctrl-C to stop)' : ''}`);
        await poll(limit);
        if (!options.follow) return;
        let stop = false;
        const onSignal = () => (stop = true);
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        try {
          while (!stop) {
            await new Promise((r) => setTimeout(r, interval * 1000));
            if (!stop) await poll(100);
          }
        } finally {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
        }
      },
    ),
  );

  withRemoteOptions(
    program
      .command('replay')
      .summary('replay a run; --wait waits for the new run and exits 1 if it fails')
      .argument('<run>', 'the run id')
      .option('--from <where>', 'start (every step again) or failed-step (completed steps reused)', 'start')
      .option('--original', 'run the workflow version the run used (default: the workflow as it is now)')
      .option('--wait', 'wait until the new run ends; exit 1 unless it succeeded (or was filtered)')
      .option('--timeout <seconds>', 'how long --wait waits', '120'),
  ).action(
    remoteAction(
      ctx,
      async (runId: string, options: RemoteOptions & { from: string; original?: boolean; wait?: boolean; timeout: string }) => {
        const client = RemoteClient.from(ctx, options);
        const created = await client.request<RunCreated>('POST', `/api/runs/${encodeURIComponent(runId)}/replay`, {
          from: options.from,
          version: options.original ? 'original' : 'current',
        });
        if (!options.wait) {
          if (options.json) ctx.out(JSON.stringify(created));
          else ctx.out(created.runId);
          return;
        }
        const deadline = Date.now() + Number(options.timeout) * 1000;
        let run: { id: string; status: string; error: { message: string } | null };
        for (;;) {
          run = await client.request('GET', `/api/runs/${created.runId}`);
          if (TERMINAL.has(run.status)) break;
          if (Date.now() > deadline) {
            ctx.err(`switchyard: run ${created.runId} is still ${run.status} after ${options.timeout} s`);
            ctx.setExitCode(1);
            break;
          }
          await new Promise((r) => setTimeout(r, 500));
        }
        if (options.json) ctx.out(JSON.stringify({ runId: created.runId, status: run.status, error: run.error }));
        else ctx.out(`${created.runId} ${run.status}${run.error ? `: ${run.error.message}` : ''}`);
        if (TERMINAL.has(run.status) && run.status !== 'succeeded' && run.status !== 'filtered') ctx.setExitCode(1);
      },
    ),
  );
}
