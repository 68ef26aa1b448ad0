import { evaluateExpression, isTruthy, renderTemplate } from '@switchyard/engine';
import { useEffect, useMemo, useState } from 'react';
import { prettyJson } from '../../../lib/pretty-json';
import { Badge } from '../../../ui';
import { findJsHabits } from '../jsonata-language/js-habits';
import { lintJsonata } from '../jsonata-language/jsonata-lint';
import { findMissingFields } from '../jsonata-language/missing-fields';
import { PREVIEW_LIMITS } from './step-outputs';
import './ExpressionPreview.css';

export type PreviewKind = 'value' | 'condition' | 'template';

type PreviewState =
  | { status: 'idle' }
  | { status: 'empty' }
  | { status: 'no-sample' }
  | { status: 'syntax'; message: string; line: number; column: number }
  | { status: 'error'; message: string }
  | { status: 'ok'; value: unknown };

const DEBOUNCE_MS = 150;

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

type PreviewProps = {
  id: string;
  source: string;
  kind: PreviewKind;
  context: unknown;
  hasSample: boolean;
  /** Variables such as `$item` and `$index` inside a loop. */
  bindings?: Record<string, unknown>;
  conditionLabels?: { pass: string; fail: string };
};

/** The live result of an expression against the sample, updated as the user types, after any JavaScript habit to unlearn. */
export function ExpressionPreview(props: PreviewProps) {
  const habits = useMemo(() => findJsHabits({ text: props.source, template: props.kind === 'template' }), [props.source, props.kind]);
  const missing = useMemo(
    () =>
      props.hasSample
        ? findMissingFields({ text: props.source, template: props.kind === 'template', root: props.context, variables: props.bindings })
        : [],
    [props.source, props.kind, props.context, props.bindings, props.hasSample],
  );
  return (
    <>
      {missing.length > 0 ? (
        <ul className="sy-preview sy-preview--habits" aria-label="Fields not in the sample">
          {missing.map((field) => (
            <li key={field.from}>{field.message}</li>
          ))}
        </ul>
      ) : null}
      {habits.length > 0 ? (
        <ul className="sy-preview sy-preview--habits" aria-label="JavaScript habits">
          {habits.map((habit) => (
            <li key={habit.from}>
              <code>{habit.found}</code> {habit.message}.
            </li>
          ))}
        </ul>
      ) : null}
      <PreviewResult {...props} />
    </>
  );
}

function PreviewResult(props: PreviewProps) {
  const { id, source, kind, context, hasSample, bindings, conditionLabels } = props;
  const [state, setState] = useState<PreviewState>({ status: 'idle' });

  useEffect(() => {
    const template = kind === 'template';
    if (source.trim() === '') {
      setState({ status: 'empty' });
      return;
    }
    const [syntax] = lintJsonata({ text: source, template });
    if (syntax) {
      setState({ status: 'syntax', message: syntax.message, ...lineAndColumn(source, syntax.from) });
      return;
    }
    if (!hasSample) {
      setState({ status: 'no-sample' });
      return;
    }
    let cancelled = false;
    const timer = window.setTimeout(() => {
      const options = { limits: PREVIEW_LIMITS, bindings };
      const run = template ? renderTemplate(source, context, options) : evaluateExpression(source, context, options);
      run.then(
        (value) => !cancelled && setState({ status: 'ok', value }),
        (error: unknown) => !cancelled && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
      );
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [source, kind, context, bindings, hasSample]);

  if (state.status === 'idle' || state.status === 'empty') return null;
  if (state.status === 'syntax') {
    return (
      <div id={id} className="sy-preview sy-preview--error" role="alert">
        <span className="sy-preview__label">
          Syntax error · line {state.line}, column {state.column}
        </span>
        <p className="sy-preview__message">{state.message}</p>
      </div>
    );
  }
  if (state.status === 'no-sample') {
    return (
      <div id={id} className="sy-preview sy-preview--muted">
        <span className="sy-preview__label">Preview</span>
        <p className="sy-preview__message">Capture a test request on the trigger to see the result here.</p>
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <div id={id} className="sy-preview sy-preview--error" aria-live="polite">
        <span className="sy-preview__label">Preview · error on the sample</span>
        <p className="sy-preview__message">{state.message}</p>
      </div>
    );
  }
  const text = state.value === undefined ? '' : kind === 'template' ? String(state.value) : prettyJson(state.value);
  return (
    <div id={id} className="sy-preview" aria-live="polite">
      <div className="sy-preview__header">
        <span className="sy-preview__label">Preview</span>
        {kind === 'condition' ? (
          isTruthy(state.value) ? (
            <Badge tone="success">{conditionLabels?.pass ?? 'Passes: the run goes on'}</Badge>
          ) : (
            <Badge tone="accent">{conditionLabels?.fail ?? 'Stops the run here'}</Badge>
          )
        ) : null}
      </div>
      {state.value === undefined ? (
        <p className="sy-preview__message sy-muted">No value: nothing in the sample matches this path.</p>
      ) : (
        <pre className="sy-preview__value" aria-label="Preview result" tabIndex={0}>
          {text || ' '}
        </pre>
      )}
    </div>
  );
}
