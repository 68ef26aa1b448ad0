import { useState, type DragEvent } from 'react';
import type { StepType } from '@switchyard/engine';
import { Badge, Button, Dialog, Icon, Menu, TextInput } from '../../../ui';
import { useBuilderContext, useBuilderState } from '../builder-context';
import { stepFingerprint } from '../preview/step-outputs';
import { issuesFor, stepTarget } from '../state/builder-issues';
import type { DraftStep } from '../state/step-draft';
import { findStep, listAt, type StepListRef } from '../state/step-tree';
import type { StepForm, StepFormProps } from './kits/step-form';
import { STEP_FORMS } from './kits/step-forms';
import { callsOut, stepSummary, webKitOf } from './kits/web-step-kits';
import { StepIcon } from './StepIcon';
import { StepScopeContext } from './step-scope';
import { StepTestResult } from './StepTestResult';
import { UnknownStepForm } from './UnknownStepForm';

/**
 * The step id, renamed when the field is left (or on Enter): renaming also rewrites `steps.<id>` in
 * later steps, which must not happen for every keystroke of a half-typed id.
 */
function StepIdInput({ id, errors, onCommit }: { id: string; errors: string[]; onCommit: (id: string) => void }) {
  const [value, setValue] = useState(id);
  const [editing, setEditing] = useState(false);
  const shown = editing ? value : id;
  const valid = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(shown);
  const commit = () => {
    setEditing(false);
    if (value !== id) onCommit(value);
  };
  return (
    <TextInput
      label="Step id"
      className="sy-step-form__id"
      description={
        <>
          Later steps read the output as <code>steps.{valid ? shown : '…'}</code>
        </>
      }
      value={shown}
      spellCheck={false}
      errors={valid ? errors : ['Use letters, digits and _ only, starting with a letter or _ (at most 64).']}
      onFocus={() => {
        setValue(id);
        setEditing(true);
      }}
      onChange={(next) => setValue(next.replace(/\s/g, '_'))}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
    />
  );
}

export const STEP_DRAG_TYPE = 'application/x-switchyard-step';

/** The card being dragged: drop targets read it during dragover, where the data is not readable yet. */
let draggingKey: string | null = null;

/**
 * The form of a step's type, rendered for its entry. `STEP_FORMS[step.type]` is a union of forms
 * that TypeScript cannot call with the same entry, though form and entry always agree.
 */
function StepFormOf(props: Omit<StepFormProps, 'entry'> & { entry: DraftStep }) {
  const { entry } = props;
  if (!webKitOf(entry.step)) return <UnknownStepForm entry={entry} />;
  const Form = STEP_FORMS[entry.step.type] as StepForm<StepType>;
  return <Form {...props} entry={entry as StepFormProps['entry']} />;
}

export interface StepCardProps {
  entry: DraftStep;
  index: number;
  count: number;
  onTest: (key: string, options?: { dryRun?: boolean }) => void;
  testing: boolean;
  testError: unknown;
  onDrop: (key: string, toIndex: number) => void;
  /** The list the card is in: null for the workflow's own list. */
  list?: StepListRef;
}

export function StepCard({ entry, index, count, onTest, testing, testError, onDrop, list = null }: StepCardProps) {
  const { store, outputs } = useBuilderContext();
  const selected = useBuilderState((state) => state.selectedKey === entry.key);
  // A branch or loop stays open while one of its nested steps is being edited.
  const holdsSelection = useBuilderState(
    (state) =>
      state.selectedKey !== null &&
      state.selectedKey !== entry.key &&
      (findStep(state.draft.steps, state.selectedKey)?.ancestors.some((ancestor) => ancestor.entry.key === entry.key) ?? false),
  );
  const open = selected || holdsSelection;
  const issues = useBuilderState((state) => state.issues);
  const test = useBuilderState((state) => state.stepTests[entry.key]);
  const hasSample = useBuilderState((state) => state.sample !== null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [dropHint, setDropHint] = useState<'before' | 'after' | null>(null);
  const { step, key } = entry;
  const info = webKitOf(step);
  const title = step.name || info?.label || step.type;
  const stepIssues = issues.filter((issue) => issue.target === stepTarget(key) || issue.target.startsWith(`${stepTarget(key)}:`));
  const output = outputs[key];
  const headingId = `step-card-${key}-title`;

  const edit = (operation: Parameters<typeof store.dispatch>[0]) => store.dispatch(operation);
  const setField = (field: string, value: unknown) => edit({ type: 'edit', operation: { type: 'setStepField', key, field, value } });

  // Cards move within their own list; a drag from another list is left to the enclosing card.
  const siblings = () => listAt(store.getState().draft.steps, list) ?? [];
  const isSibling = (dragged: string | null) => dragged !== null && siblings().some((candidate) => candidate.key === dragged);

  function handleDragOver(event: DragEvent) {
    if (!event.dataTransfer.types.includes(STEP_DRAG_TYPE) || !isSibling(draggingKey)) return;
    event.preventDefault();
    event.stopPropagation();
    const box = event.currentTarget.getBoundingClientRect();
    setDropHint(event.clientY < box.top + box.height / 2 ? 'before' : 'after');
  }

  function handleDrop(event: DragEvent) {
    const dragged = event.dataTransfer.getData(STEP_DRAG_TYPE);
    const where = dropHint;
    setDropHint(null);
    if (!dragged || !isSibling(dragged)) return;
    event.stopPropagation();
    if (dragged === key) return;
    event.preventDefault();
    const from = siblings().findIndex((candidate) => candidate.key === dragged);
    let to = where === 'before' ? index : index + 1;
    if (from < to) to -= 1;
    onDrop(dragged, to);
  }

  return (
    <li
      className={[
        'sy-step-card',
        open && 'sy-step-card--open',
        stepIssues.length > 0 && 'sy-step-card--invalid',
        dropHint && `sy-step-card--drop-${dropHint}`,
      ]
        .filter(Boolean)
        .join(' ')}
      aria-labelledby={headingId}
      data-step-id={step.id}
      onDragOver={handleDragOver}
      onDragLeave={() => setDropHint(null)}
      onDrop={handleDrop}
    >
      <div className="sy-step-card__header">
        <span
          className="sy-step-card__grip"
          draggable
          title="Drag to reorder"
          aria-hidden="true"
          onDragEnd={() => {
            draggingKey = null;
          }}
          onDragStart={(event) => {
            event.stopPropagation();
            draggingKey = key;
            event.dataTransfer.setData(STEP_DRAG_TYPE, key);
            event.dataTransfer.effectAllowed = 'move';
            const card = event.currentTarget.closest('li');
            if (card) event.dataTransfer.setDragImage(card, 24, 24);
          }}
        >
          <Icon name="grip" size={16} />
        </span>
        <h3 className="sy-step-card__heading">
          <button
            type="button"
            className="sy-step-card__toggle"
            aria-expanded={open}
            aria-controls={`step-card-${key}-body`}
            onClick={() => edit({ type: 'select', key: open ? (list?.parentKey ?? null) : key })}
          >
            <StepIcon type={step.type} />
            <span className="sy-step-card__titles">
              <span className="sy-step-card__eyebrow">
                {index + 1}. {info?.label ?? step.type}
              </span>
              <span className="sy-step-card__title" id={headingId}>
                {title}
              </span>
              {!open ? <span className="sy-step-card__summary">{stepSummary(step) || 'Not set up yet'}</span> : null}
            </span>
          </button>
        </h3>
        <div className="sy-step-card__badges">
          {stepIssues.length > 0 ? (
            <Badge tone="danger">{stepIssues.length === 1 ? '1 problem' : `${stepIssues.length} problems`}</Badge>
          ) : null}
          {output?.source === 'preview' && output.passed === false && !output.inactive ? (
            <Badge tone="accent">Sample stops here</Badge>
          ) : null}
          {test ? (
            <Badge
              tone={test.status === 'succeeded' ? 'success' : test.status === 'failed' ? 'danger' : 'neutral'}
              title="Result of the last test"
            >
              {test.status === 'succeeded' ? 'Tested' : test.status === 'failed' ? 'Test failed' : test.status}
            </Badge>
          ) : null}
        </div>
        <div className="sy-step-card__actions">
          <Menu
            label={list ? `Actions for step ${step.id}` : `Actions for step ${index + 1}`}
            items={[
              {
                label: 'Move up',
                icon: 'arrowUp',
                disabled: index === 0,
                onSelect: () => edit({ type: 'edit', operation: { type: 'moveStep', key, toIndex: index - 1 } }),
              },
              {
                label: 'Move down',
                icon: 'arrowDown',
                disabled: index === count - 1,
                onSelect: () => edit({ type: 'edit', operation: { type: 'moveStep', key, toIndex: index + 1 } }),
              },
              {
                label: 'Duplicate',
                icon: 'copy',
                onSelect: () => edit({ type: 'edit', operation: { type: 'duplicateStep', key, newKey: store.newKey() } }),
              },
              { label: 'Delete', icon: 'trash', tone: 'danger', onSelect: () => setConfirmDelete(true) },
            ]}
          />
        </div>
      </div>
      {open ? (
        <div className="sy-step-card__body" id={`step-card-${key}-body`}>
          <div className="sy-step-form__row">
            <div className="sy-step-form__grow">
              <TextInput
                label="Step name"
                optional
                value={typeof step.name === 'string' ? step.name : ''}
                placeholder={info?.label}
                errors={issuesFor({ issues, target: stepTarget(key, 'name') }).map((issue) => issue.message)}
                onChange={(value) => setField('name', value)}
              />
            </div>
            <div className="sy-step-form__grow">
              <StepIdInput
                id={step.id}
                errors={issuesFor({ issues, target: stepTarget(key, 'id') }).map((issue) => issue.message)}
                onCommit={(id) => edit({ type: 'edit', operation: { type: 'renameStep', key, id } })}
              />
            </div>
          </div>
          {issuesFor({ issues, target: stepTarget(key) }).map((issue, position) => (
            <p key={position} className="sy-field__errors" role="alert">
              {issue.message}
            </p>
          ))}
          <StepScopeContext.Provider value={key}>
            <StepFormOf entry={entry} index={index} issues={issues} setField={setField} />
          </StepScopeContext.Provider>
          <div className="sy-step-card__test">
            <Button
              icon="play"
              onClick={() => onTest(key)}
              loading={testing}
              disabled={!hasSample}
              title={hasSample ? undefined : 'Capture a test request first'}
            >
              Test this step
            </Button>
            {callsOut(step.type) ? (
              <Button
                variant="ghost"
                onClick={() => onTest(key, { dryRun: true })}
                disabled={!hasSample || testing}
                title="Record what this step would send, without sending it"
              >
                Dry run
              </Button>
            ) : null}
            <span className="sy-muted sy-step-card__test-note">
              {hasSample
                ? callsOut(step.type)
                  ? 'Sends it for real with the sample data.'
                  : 'Runs the step on the server with the sample data.'
                : 'Capture or pick a sample request on the trigger first.'}
            </span>
          </div>
          {testError ? (
            <p className="sy-field__errors" role="alert">
              Could not test: {testError instanceof Error ? testError.message : String(testError)}
            </p>
          ) : null}
          {test ? <StepTestResult result={test} outdated={test.stepFingerprint !== stepFingerprint(step)} /> : null}
        </div>
      ) : null}
      <Dialog
        open={confirmDelete}
        tone="danger"
        title={`Delete step ${index + 1}?`}
        onClose={() => setConfirmDelete(false)}
        actions={
          <>
            <Button onClick={() => setConfirmDelete(false)}>Cancel</Button>
            <Button
              variant="danger"
              icon="trash"
              onClick={() => {
                setConfirmDelete(false);
                edit({ type: 'edit', operation: { type: 'deleteStep', key } });
              }}
            >
              Delete step
            </Button>
          </>
        }
      >
        “{title}” and its settings are removed from the workflow when you save. Later steps that read <code>steps.{step.id}</code> will get
        no value.
      </Dialog>
    </li>
  );
}
