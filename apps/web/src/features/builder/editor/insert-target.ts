import { createContext, useContext } from 'react';
import type { EditorView } from '@codemirror/view';

/** The expression field that data-picker pills insert into: the last one the user focused. */
export interface InsertTarget {
  view: EditorView;
  label: string;
  template: boolean;
}

export interface InsertTargetRegistry {
  current(): InsertTarget | null;
  set(target: InsertTarget | null): void;
  /** Forgets a view when its editor unmounts. */
  release(view: EditorView): void;
  subscribe(listener: () => void): () => void;
}

export function createInsertTargetRegistry(): InsertTargetRegistry {
  let target: InsertTarget | null = null;
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((listener) => listener());
  return {
    current: () => target,
    set(next) {
      if (next?.view === target?.view && next?.label === target?.label) return;
      target = next;
      emit();
    },
    release(view) {
      if (target?.view !== view) return;
      target = null;
      emit();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const InsertTargetContext = createContext<InsertTargetRegistry | null>(null);

export function useInsertTargetRegistry(): InsertTargetRegistry | null {
  return useContext(InsertTargetContext);
}

/**
 * What a pill inserts at the cursor: the path itself in an expression; in a template, the path in
 * `{{ }}` unless the cursor already is inside a placeholder.
 */
export function textToInsert(params: { path: string; template: boolean; before: string }): string {
  const { path, template, before } = params;
  if (!template) return path;
  const open = before.lastIndexOf('{{');
  const close = before.lastIndexOf('}}');
  return open > close ? path : `{{ ${path} }}`;
}

/** Inserts a data path at the target's cursor (replacing the selection) and gives it focus back. */
export function insertPath(target: InsertTarget, path: string): { from: number; insert: string } {
  const { view, template } = target;
  const { from, to } = view.state.selection.main;
  const insert = textToInsert({ path, template, before: view.state.doc.sliceString(0, from) });
  view.dispatch({
    changes: { from, to, insert },
    selection: { anchor: from + insert.length },
    scrollIntoView: true,
    userEvent: 'input.paste',
  });
  view.focus();
  return { from, insert };
}

/** Replaces a path just inserted (still unchanged at `from`) with an expression around it; false when it was edited since. */
export function rewriteInsertion(
  target: InsertTarget,
  inserted: { from: number; insert: string },
  path: string,
  expression: string,
): boolean {
  const { view } = target;
  const { from, insert } = inserted;
  if (view.state.doc.sliceString(from, from + insert.length) !== insert) return false;
  const replacement = insert.replace(path, expression);
  view.dispatch({
    changes: { from, to: from + insert.length, insert: replacement },
    selection: { anchor: from + replacement.length },
    userEvent: 'input.paste',
  });
  view.focus();
  return true;
}
