import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useLocation, useParams, useSearchParams } from 'react-router';
import { ApiError, type Draft, queryKeys, type Workflow } from '../../api';
import { Badge, Button, ButtonLink, Card, Dialog, EmptyState, ErrorState, HelpTip, Icon, LoadingState, Switch } from '../../ui';
import { JARGON } from '../../lib/jargon';
import { useCan, useCurrentWorkspace } from '../workspaces/use-role';
import { RunNowButton } from '../run-now/RunNowButton';
import { useWorkflow } from '../workflows/use-workflows';
import { useSetWorkflowActive } from '../workflows/use-workflow-mutations';
import { workflowPath } from '../workflows/workflow-paths';
import { BuilderContext, useBuilderContext, useBuilderState } from './builder-context';
import { DataPicker } from './data-picker/DataPicker';
import { createInsertTargetRegistry, InsertTargetContext } from './editor/insert-target';
import { useFieldAboveSheet } from './hooks/use-field-above-sheet';
import { useLeaveConfirmation } from './hooks/use-leave-confirmation';
import { readPersistedSample, writePersistedSample } from './hooks/use-persisted-sample';
import { usePinnedSample } from './hooks/use-pinned-sample';
import { useSampleFromAddress } from './hooks/use-sample-from-address';
import { useStepFromAddress } from './hooks/use-step-from-address';
import { useSaveWorkflow } from './hooks/use-save-workflow';
import { useStepOutputs } from './hooks/use-step-outputs';
import { useTestStep, useTestWorkflow } from './hooks/use-test-step';
import { useWorkflowEvents } from './hooks/use-workflow-events';
import { RecentRunsPanel } from './panels/RecentRunsPanel';
import { WorkflowTestPanel } from './panels/WorkflowTestPanel';
import { describeIssue } from './state/builder-issues';
import { isDirty, type SampleSelection } from './state/builder-reducer';
import { createBuilderStore, type BuilderStore } from './state/builder-store';
import { readOnlyStore } from './state/read-only-store';
import { draftFromWorkflow } from './state/workflow-draft';
import { StepListEditor, StepTestContext } from './steps/StepListEditor';
import { findTemplate } from './templates/workflow-templates';
import { DraftBar } from './versions/DraftBar';
import { RehearsalPanel } from './versions/RehearsalPanel';
import { BuilderReloadContext, useDraft } from './versions/use-draft';
import './versions/versions.css';
import { VersionsPanel } from './versions/VersionsPanel';
import { TriggerCard } from './triggers/TriggerCard';
import './BuilderPage.css';

function createStoreFor(
  workflow: Workflow,
  saved: Draft | undefined,
  templateId: string | undefined,
  handedSample: SampleSelection | null,
): BuilderStore {
  let counter = 0;
  // The builder edits the saved draft (what the trigger runs is the published version).
  const edited: Workflow = saved
    ? {
        ...workflow,
        trigger: { url: workflow.trigger.url, token: workflow.trigger.token, ...saved.trigger } as Workflow['trigger'],
        steps: saved.steps,
      }
    : workflow;
  const draft = draftFromWorkflow({ workflow: edited, makeKey: () => `step-${(counter += 1)}` });
  const template = findTemplate(templateId);
  if (handedSample) writePersistedSample(workflow.id, handedSample);
  const sample: SampleSelection | null =
    handedSample ?? readPersistedSample(workflow.id) ?? (template?.sample ? { source: 'template', trigger: template.sample } : null);
  return createBuilderStore({ draft, sample, firstKey: counter });
}

/** How the save shortcut is written on this computer: ⌘S on a Mac, Ctrl+S elsewhere (both work everywhere). */
const SAVE_SHORTCUT =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent) ? '⌘S' : 'Ctrl+S';

function SaveStatus({ saving }: { saving: boolean }) {
  const dirty = useBuilderState(isDirty);
  if (saving)
    return (
      <span className="sy-builder__save-status" role="status">
        Saving…
      </span>
    );
  return dirty ? (
    <span className="sy-builder__save-status sy-builder__save-status--dirty" role="status">
      <span className="sy-builder__dot" aria-hidden="true" />
      Unsaved changes
    </span>
  ) : (
    <span className="sy-builder__save-status" role="status">
      <Icon name="check" size={14} />
      All changes saved
    </span>
  );
}

function IssueSummary() {
  const { store } = useBuilderContext();
  const issues = useBuilderState((state) => state.issues);
  const draft = useBuilderState((state) => state.draft);
  if (issues.length === 0) return null;
  return (
    <div className="sy-builder__issues" role="alert" aria-labelledby="builder-issues-title">
      <Icon name="alert" size={20} />
      <div>
        <p className="sy-builder__issues-title" id="builder-issues-title">
          Not saved: {issues.length === 1 ? '1 problem needs' : `${issues.length} problems need`} fixing
        </p>
        <ul className="sy-builder__issues-list">
          {issues.map((issue, index) => (
            <li key={index}>
              <button
                type="button"
                className="sy-builder__issue-link"
                onClick={() => {
                  const key = issue.target.split(':')[1];
                  if (issue.target.startsWith('step:')) store.dispatch({ type: 'select', key });
                  window.setTimeout(
                    () =>
                      document.querySelector<HTMLElement>(`[aria-labelledby="step-card-${key}-title"]`)?.scrollIntoView({ block: 'start' }),
                    0,
                  );
                }}
              >
                {describeIssue({ issue, draft })}
              </button>
              : {issue.message}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function StepList({ testStep }: { testStep: ReturnType<typeof useTestStep> }) {
  const steps = useBuilderState((state) => state.draft.steps);
  const controls = {
    test: (key: string, options?: { dryRun?: boolean }) => testStep.mutate({ key, dryRun: options?.dryRun }),
    pendingKey: testStep.isPending ? (testStep.variables?.key ?? null) : null,
    errorKey: testStep.isError ? (testStep.variables?.key ?? null) : null,
    error: testStep.error,
  };
  return (
    <StepTestContext.Provider value={controls}>
      <StepListEditor steps={steps} list={null} label="Steps" />
    </StepTestContext.Provider>
  );
}

function BuilderEditor() {
  const { store, workflow, readOnly = false } = useBuilderContext();
  const queryClient = useQueryClient();
  const dirty = useBuilderState(isDirty);
  const name = useBuilderState((state) => state.draft.name);
  const issues = useBuilderState((state) => state.issues);
  const nameIssues = issues.filter((issue) => issue.target === 'name');
  const sample = useBuilderState((state) => state.sample);
  const { outputs } = useBuilderContext();
  const saver = useSaveWorkflow({ store, workflowId: workflow.id, live: workflow.active });
  const setActive = useSetWorkflowActive();
  const testStep = useTestStep({ store, outputs });
  const testWorkflow = useTestWorkflow({ store, workflowId: workflow.id });
  // Issue 19: on a live workflow a test records what it would send unless the user asks for a real one.
  const [dryRun, setDryRun] = useState(workflow.active);
  const blocker = useLeaveConfirmation({ when: dirty });
  const [saveError, setSaveError] = useState<unknown>(null);
  // On narrow windows the data panel is a drawer over the bottom of the page.
  const [dataOpen, setDataOpen] = useState(false);
  useFieldAboveSheet({ open: dataOpen, sheetId: 'builder-data' });

  useWorkflowEvents({
    workflowId: workflow.id,
    onRequest: () => void queryClient.invalidateQueries({ queryKey: queryKeys.workflowRequests(workflow.id) }),
    onRun: () => void queryClient.invalidateQueries({ queryKey: queryKeys.workflowRuns(workflow.id) }),
  });

  async function save() {
    setSaveError(null);
    const outcome = await saver.save();
    if (!outcome.ok && outcome.reason === 'failed') setSaveError(outcome.error);
    return outcome.ok;
  }

  async function toggleActive(active: boolean) {
    // Turning a workflow on publishes what the user sees: save first.
    if (active && isDirty(store.getState()) && !(await save())) return;
    setActive.mutate({ id: workflow.id, active });
  }

  const saveRef = useRef(save);
  saveRef.current = save;
  const readOnlyRef = useRef(readOnly);
  readOnlyRef.current = readOnly;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        if (!readOnlyRef.current) void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // The sticky header draws its edge once the steps scroll under it.
  const headerRef = useRef<HTMLElement>(null);
  const [stuck, setStuck] = useState(false);
  useEffect(() => {
    const onScroll = () => setStuck(window.scrollY > 0 && (headerRef.current?.getBoundingClientRect().top ?? 1) <= 0);
    onScroll();
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => window.removeEventListener('scroll', onScroll);
  }, []);

  return (
    <>
      <title>{`${readOnly ? 'View' : 'Edit'} ${workflow.name} · Switchyard`}</title>
      <header className={stuck ? 'sy-builder__header sy-builder__header--stuck' : 'sy-builder__header'} ref={headerRef}>
        <ButtonLink to="/" variant="ghost" size="sm" icon="arrowLeft" className="sy-builder__back">
          Workflows
        </ButtonLink>
        <div className="sy-builder__title-row">
          <div className="sy-builder__name">
            <label htmlFor="workflow-name" className="sy-visually-hidden">
              Workflow name
            </label>
            <input
              id="workflow-name"
              className="sy-builder__name-input"
              value={name}
              placeholder="Name this workflow"
              readOnly={readOnly}
              aria-invalid={nameIssues.length > 0 || undefined}
              aria-describedby={nameIssues.length ? 'workflow-name-errors' : undefined}
              onChange={(event) => store.dispatch({ type: 'edit', operation: { type: 'setName', name: event.target.value } })}
            />
            {nameIssues.length ? (
              <p id="workflow-name-errors" className="sy-field__errors" role="alert">
                {nameIssues[0].message}
              </p>
            ) : null}
          </div>
          {readOnly ? (
            <div className="sy-builder__toolbar">
              <Badge tone="info" title="Your role in this workspace is viewer">
                Read-only
              </Badge>
              <Badge tone={workflow.active ? 'success' : 'neutral'}>{workflow.active ? 'On' : 'Off'}</Badge>
              <ButtonLink to={workflowPath(workflow.id)} variant="ghost" icon="bolt">
                Runs
              </ButtonLink>
            </div>
          ) : (
            <div className="sy-builder__toolbar">
              <SaveStatus saving={saver.isSaving} />
              <Switch
                checked={workflow.active}
                busy={setActive.isPending}
                label={workflow.active ? 'Workflow is on: turn it off' : 'Workflow is off: turn it on'}
                onChange={(active) => void toggleActive(active)}
              />
              <ButtonLink to={workflowPath(workflow.id)} variant="ghost" icon="bolt">
                Runs
              </ButtonLink>
              <Button
                icon="play"
                onClick={() => sample && testWorkflow.mutate({ sample: sample.trigger, dryRun })}
                loading={testWorkflow.isPending}
                disabled={!sample}
                title={sample ? 'Run every step once on the sample' : 'Capture a test request first'}
              >
                Test workflow
              </Button>
              <label className="sy-builder__dry-run" title="Record what calls, messages and e-mails would be sent, without sending them">
                <input type="checkbox" checked={dryRun} onChange={(event) => setDryRun(event.target.checked)} /> Dry run
              </label>
              <HelpTip label={JARGON.dryRun.label}>{JARGON.dryRun.text}</HelpTip>
              <RunNowButton
                workflowId={workflow.id}
                initialInput={sample?.trigger.body}
                disabledReason={dirty ? 'Save first: Run now starts the saved version' : undefined}
              />
              <Button
                variant="primary"
                icon="save"
                onClick={() => void save()}
                loading={saver.isSaving}
                disabled={!dirty && !saver.isSaving}
                title={`Save (${SAVE_SHORTCUT})`}
                aria-keyshortcuts="Control+S Meta+S"
              >
                Save
                <kbd className="sy-builder__shortcut" aria-hidden="true">
                  {SAVE_SHORTCUT}
                </kbd>
              </Button>
            </div>
          )}
        </div>
        {readOnly ? (
          <p className="sy-builder__live-note">
            You can read this workflow but not change or test it: your role in this workspace is viewer.
          </p>
        ) : null}
        {workflow.active && dirty ? (
          <p className="sy-builder__live-note">
            The workflow is on: saving keeps your changes in the draft; runs use the published version until you publish.
          </p>
        ) : null}
        {!readOnly && !dryRun ? (
          <p className="sy-builder__live-note">
            Test workflow runs for real: calls, messages and e-mails in it are really sent. Tick “Dry run” to only record them.
          </p>
        ) : null}
        <DraftBar />
      </header>
      {saveError ? <ErrorState title="Could not save" error={saveError} /> : null}
      {setActive.isError ? <ErrorState title="Could not switch the workflow" error={setActive.error} /> : null}
      {testWorkflow.isError ? <ErrorState title="Could not test the workflow" error={testWorkflow.error} /> : null}
      <IssueSummary />
      <div className="sy-builder__layout">
        {/* A disabled fieldset switches off every button and field of the steps at once. */}
        <fieldset className="sy-builder__flow" disabled={readOnly} aria-label={readOnly ? 'Steps (read-only)' : undefined}>
          <TriggerCard />
          <StepList testStep={testStep} />
        </fieldset>
        <aside className="sy-builder__aside" aria-label="Data and results">
          <div className={dataOpen ? 'sy-builder__data sy-builder__data--open' : 'sy-builder__data'} id="builder-data">
            <DataPicker onClose={() => setDataOpen(false)} />
          </div>
          <WorkflowTestPanel />
          <RehearsalPanel />
          <VersionsPanel />
          <RecentRunsPanel workflowId={workflow.id} />
        </aside>
      </div>
      <button
        type="button"
        className="sy-builder__data-toggle sy-button sy-button--primary sy-button--md"
        aria-expanded={dataOpen}
        aria-controls="builder-data"
        // Keeps the cursor in the expression field, where the picked data goes.
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => setDataOpen((open) => !open)}
      >
        Insert data
      </button>
      <Dialog
        open={blocker.state === 'blocked'}
        title="Leave without saving?"
        onClose={() => blocker.reset?.()}
        actions={
          <>
            <Button onClick={() => blocker.reset?.()}>Stay</Button>
            <Button variant="danger" onClick={() => blocker.proceed?.()}>
              Discard changes
            </Button>
            <Button
              variant="primary"
              onClick={async () => {
                if (await save()) blocker.proceed?.();
                else blocker.reset?.();
              }}
            >
              Save and leave
            </Button>
          </>
        }
      >
        You have unsaved changes to “{name || workflow.name}”. Runs keep using the last saved version.
      </Dialog>
    </>
  );
}

function BuilderSession({ workflow, saved }: { workflow: Workflow; saved: Draft | undefined }) {
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const state = location.state as { templateId?: string; sample?: { requestId: string; trigger: SampleSelection['trigger'] } } | null;
  const templateId = state?.templateId;
  // "Open in builder as sample" from a run or the Inbox: `?sample=<requestId>`, the request in the router state.
  const sampleId = searchParams.get('sample');
  const handed = sampleId && state?.sample?.requestId === sampleId ? { source: 'request' as const, ...state.sample } : null;
  const readOnly = !useCan('workflow.edit');
  const [store] = useState(() => {
    const created = createStoreFor(workflow, saved, templateId, handed);
    return readOnly ? readOnlyStore(created) : created;
  });
  useSampleFromAddress({ store, workflowId: workflow.id, requestId: sampleId });
  useStepFromAddress({ store, stepKey: searchParams.get('step') });
  const [registry] = useState(createInsertTargetRegistry);
  const outputs = useStepOutputs(store);
  usePinnedSample({ store, workflowId: workflow.id, canEdit: !readOnly, handed: Boolean(sampleId) });
  const live = useWorkflow(workflow.id).data ?? workflow;
  return (
    <BuilderContext.Provider value={{ store, workflow: live, outputs, readOnly }}>
      <InsertTargetContext.Provider value={registry}>
        <BuilderEditor />
      </InsertTargetContext.Provider>
    </BuilderContext.Provider>
  );
}

/** `/workflows/:id/edit`: the vertical, Zapier-style editor of one workflow. */
export function BuilderPage() {
  const { id = '' } = useParams();
  const workflow = useWorkflow(id);
  const draft = useDraft(id);
  const [generation, setGeneration] = useState(0);
  // The role decides, once per session, whether the builder edits or only shows.
  const role = useCurrentWorkspace();
  if (workflow.isPending || role.isPending || draft.isPending) return <LoadingState label="Loading workflow…" />;
  if (workflow.isError) {
    const notFound = workflow.error instanceof ApiError && workflow.error.isNotFound;
    return notFound ? (
      <Card>
        <EmptyState icon="alert" title="Workflow not found" description="It may have been deleted.">
          <ButtonLink to="/">All workflows</ButtonLink>
        </EmptyState>
      </Card>
    ) : (
      <ErrorState title="Could not load this workflow" error={workflow.error} onRetry={() => void workflow.refetch()} />
    );
  }
  return (
    <BuilderReloadContext.Provider value={() => setGeneration((n) => n + 1)}>
      <BuilderSession key={`${id}:${generation}`} workflow={workflow.data} saved={draft.data} />
    </BuilderReloadContext.Provider>
  );
}
