import { useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useBuilderContext, useBuilderState } from '../../builder-context';
import { ExpressionEditor } from '../../editor/ExpressionEditor';
import { ExpressionPreview, type PreviewKind } from '../../preview/ExpressionPreview';
import { contextForKey, contextForStep } from '../../preview/step-outputs';
import type { BuilderIssue } from '../../state/builder-issues';
import { StepScopeContext } from '../step-scope';

export interface ExpressionFieldProps {
  id: string;
  label: string;
  /** Where pills go, as the data picker names it, e.g. "Step 2 · Expression". */
  targetLabel: string;
  description?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  stepIndex: number;
  kind: PreviewKind;
  placeholder?: string;
  optional?: boolean;
  issues: BuilderIssue[];
  singleLine?: boolean;
  hint?: ReactNode;
  /** Wording of a condition's preview (default: whether the run goes on). */
  conditionLabels?: { pass: string; fail: string };
}

/**
 * The one cue that tells the two kinds of field apart, everywhere a field is edited: text with data
 * between `{{ }}` (a template), or a whole JSONata expression (no braces). The editor's left edge
 * carries the same colour.
 */
export function FieldKindCue(props: { id?: string; template: boolean }) {
  return props.template ? (
    <span
      id={props.id}
      className="sy-field-kind sy-field-kind--template"
      title="Type text; put data between {{ and }}, e.g. Hello {{ trigger.body.name }}"
    >
      <span aria-hidden="true">{'{{ }}'}</span> Text with data
    </span>
  ) : (
    <span
      id={props.id}
      className="sy-field-kind sy-field-kind--expression"
      title="The whole field is one JSONata expression, without {{ }}, e.g. $count(trigger.body.items)"
    >
      <span aria-hidden="true">ƒx</span> Expression
    </span>
  );
}

/** A labelled JSONata (or template) editor with its errors and its live preview under it. */
export function ExpressionField(props: ExpressionFieldProps) {
  const {
    id,
    label,
    targetLabel,
    description,
    value,
    onChange,
    stepIndex,
    kind,
    placeholder,
    optional,
    issues,
    singleLine,
    hint,
    conditionLabels,
  } = props;
  // Inside a step card the step's key places the field at any depth (paths, loops); `stepIndex` is the fallback.
  const scopeKey = useContext(StepScopeContext);
  const { outputs } = useBuilderContext();
  const steps = useBuilderState((state) => state.draft.steps);
  const sample = useBuilderState((state) => state.sample);
  const { context, bindings } = useMemo(() => {
    if (scopeKey) {
      const { bindings: variables, ...document } = contextForKey({ steps, key: scopeKey, sample: sample?.trigger ?? null, outputs });
      return { context: document, bindings: variables };
    }
    return { context: contextForStep({ steps, index: stepIndex, sample: sample?.trigger ?? null, outputs }), bindings: {} };
  }, [steps, stepIndex, scopeKey, sample, outputs]);
  const getRoot = useCallback(() => context, [context]);
  const getVariables = useCallback(() => bindings, [bindings]);
  const labelId = `${id}-label`;
  const previewId = `${id}-preview`;
  const errorsId = `${id}-errors`;
  const kindId = `${id}-kind`;
  // Syntax errors are shown by the editor and the preview; the list repeats only other problems.
  const listed = issues.filter((issue) => issue.position === undefined);
  return (
    <div className={listed.length ? 'sy-field sy-field--invalid' : 'sy-field'}>
      <div className="sy-field__label-row">
        {/* A CodeMirror editor is not a labelable element: the label focuses it by hand. */}
        <span
          className="sy-field__label"
          id={labelId}
          onClick={() => document.getElementById(id)?.querySelector<HTMLElement>('.cm-content')?.focus()}
        >
          {label}
        </span>
        {optional ? <span className="sy-field__optional">optional</span> : null}
        <FieldKindCue id={kindId} template={kind === 'template'} />
      </div>
      {description ? <p className="sy-field__description">{description}</p> : null}
      <ExpressionEditor
        id={id}
        label={label}
        targetLabel={targetLabel}
        value={value}
        onChange={onChange}
        template={kind === 'template'}
        singleLine={singleLine ?? kind === 'template'}
        placeholder={placeholder}
        getRoot={getRoot}
        getVariables={getVariables}
        invalid={issues.length > 0}
        describedBy={[kindId, previewId, listed.length ? errorsId : ''].filter(Boolean).join(' ')}
      />
      {listed.length > 0 ? (
        <ul className="sy-field__errors" id={errorsId} role="alert">
          {listed.map((issue, index) => (
            <li key={index}>{issue.message}</li>
          ))}
        </ul>
      ) : null}
      {hint}
      <ExpressionPreview
        id={previewId}
        source={value}
        kind={kind}
        context={context}
        bindings={bindings}
        hasSample={Boolean(sample)}
        conditionLabels={conditionLabels}
      />
    </div>
  );
}
