import { closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching } from '@codemirror/language';
import { lintKeymap } from '@codemirror/lint';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderExtension } from '@codemirror/view';
import { useContext, useEffect, useRef } from 'react';
import { BuilderContext } from '../builder-context';
import { jsonataSupport } from '../jsonata-language/jsonata-extension';
import { useInsertTargetRegistry } from './insert-target';
import './ExpressionEditor.css';

export interface ExpressionEditorProps {
  id: string;
  /** Accessible name of the editor, e.g. "Expression of step 2". */
  label: string;
  /** Shown in the data picker as the place pills go. */
  targetLabel?: string;
  value: string;
  onChange: (value: string) => void;
  /** `{{ }}` template text instead of a plain JSONata expression. */
  template?: boolean;
  /** One line (URLs, header values): Enter does not add a line. */
  singleLine?: boolean;
  placeholder?: string;
  /** The document completion reads fields from. */
  getRoot: () => unknown;
  /** Variables completion offers after `$` (`$item`, `$index` in a loop). */
  getVariables?: () => Record<string, unknown>;
  invalid?: boolean;
  describedBy?: string;
  minLines?: number;
}

/** Drops line breaks from single-line fields, typed or pasted. */
const singleLineFilter = EditorState.transactionFilter.of((transaction) => {
  if (!transaction.docChanged || transaction.newDoc.lines === 1) return transaction;
  const changes: Array<{ from: number; to: number; insert: string }> = [];
  transaction.changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
    changes.push({ from: fromA, to: toA, insert: inserted.toString().replace(/\r?\n/g, ' ') });
  });
  return [{ changes, selection: transaction.selection, scrollIntoView: transaction.scrollIntoView }];
});

/** A CodeMirror 6 editor for one JSONata expression or template field. */
export function ExpressionEditor(props: ExpressionEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const registry = useInsertTargetRegistry();
  const readOnly = useContext(BuilderContext)?.readOnly ?? false;

  useEffect(() => {
    const parent = host.current;
    if (!parent) return;
    const { template = false, singleLine = false, placeholder, label, describedBy, minLines = singleLine ? 1 : 3 } = latest.current;
    const extensions: Extension[] = [
      history(),
      closeBrackets(),
      bracketMatching(),
      EditorView.lineWrapping,
      keymap.of([
        ...closeBracketsKeymap,
        ...completionKeymap,
        ...lintKeymap,
        ...historyKeymap,
        ...(singleLine ? [] : [indentWithTab]),
        ...defaultKeymap,
      ]),
      jsonataSupport({ template, getRoot: () => latest.current.getRoot(), getVariables: () => latest.current.getVariables?.() ?? {} }),
      EditorView.contentAttributes.of({
        'aria-label': label,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        'aria-multiline': singleLine ? 'false' : 'true',
      }),
      EditorView.theme({ '.cm-content': { minHeight: `${minLines * 1.5}em` } }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) latest.current.onChange(update.state.doc.toString());
        if (update.focusChanged && update.view.hasFocus && registry) {
          registry.set({ view: update.view, label: latest.current.targetLabel ?? latest.current.label, template });
        }
      }),
    ];
    if (placeholder) extensions.push(placeholderExtension(placeholder));
    if (singleLine) extensions.push(singleLineFilter);
    if (readOnly) extensions.push(EditorState.readOnly.of(true), EditorView.editable.of(false));
    const editor = new EditorView({ parent, state: EditorState.create({ doc: latest.current.value, extensions }) });
    view.current = editor;
    return () => {
      registry?.release(editor);
      editor.destroy();
      view.current = null;
    };
    // The editor is created once; later prop changes are read through `latest`.
  }, [registry, readOnly]);

  // Changes made outside the editor (a step renamed, a template applied) replace its text.
  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const current = editor.state.doc.toString();
    if (current !== props.value) editor.dispatch({ changes: { from: 0, to: current.length, insert: props.value } });
  }, [props.value]);

  const classes = [
    'sy-expression',
    props.template ? 'sy-expression--template' : 'sy-expression--code',
    props.singleLine && 'sy-expression--single',
    props.invalid && 'sy-expression--invalid',
  ]
    .filter(Boolean)
    .join(' ');
  return <div ref={host} id={props.id} className={classes} data-template={props.template ? 'true' : undefined} />;
}
