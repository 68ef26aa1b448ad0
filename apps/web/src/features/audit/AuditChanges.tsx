import { useMemo, useState } from 'react';
import type { AuditEntry } from '../../api';
import { prettyJson } from '../../lib/pretty-json';
import { JsonViewer } from '../../ui';
import { collapseUnchanged, diffLines, diffValues } from './json-diff';

function short(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

/** Before and after of one audited change: the changed fields, a line diff, or both sides in full. */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const [view, setView] = useState<'diff' | 'side'>('diff');
  const { changes, truncated } = useMemo(() => diffValues({ before: entry.before, after: entry.after }), [entry.before, entry.after]);
  const lines = useMemo(() => {
    const diff = diffLines({ before: prettyJson(entry.before ?? undefined), after: prettyJson(entry.after ?? undefined) });
    return diff ? collapseUnchanged({ lines: diff }) : null;
  }, [entry.before, entry.after]);

  return (
    <div className="sy-audit__changes">
      <div className="sy-audit__changes-head">
        <p className="sy-audit__summary">
          {changes.length === 0
            ? 'No difference between before and after.'
            : `${changes.length}${truncated ? '+' : ''} ${changes.length === 1 ? 'change' : 'changes'}`}
        </p>
        <div className="sy-audit__views" role="group" aria-label="How to show the change">
          <button type="button" className="sy-audit__view" aria-pressed={view === 'diff'} onClick={() => setView('diff')}>
            Diff
          </button>
          <button type="button" className="sy-audit__view" aria-pressed={view === 'side'} onClick={() => setView('side')}>
            Side by side
          </button>
        </div>
      </div>
      {changes.length > 0 ? (
        <ul className="sy-audit__paths" aria-label="Changed fields">
          {changes.slice(0, 12).map((change) => (
            <li key={`${change.kind}:${change.path}`}>
              <code>{change.path || '(whole value)'}</code>{' '}
              {change.kind === 'added' ? (
                <span className="sy-audit__added">added {short(change.after)}</span>
              ) : change.kind === 'removed' ? (
                <span className="sy-audit__removed">removed {short(change.before)}</span>
              ) : (
                <>
                  <span className="sy-audit__removed">{short(change.before)}</span> →{' '}
                  <span className="sy-audit__added">{short(change.after)}</span>
                </>
              )}
            </li>
          ))}
          {changes.length > 12 ? <li className="sy-muted">and {changes.length - 12} more in the diff</li> : null}
        </ul>
      ) : null}
      {view === 'diff' && lines ? (
        <pre className="sy-audit__diff" aria-label="Line diff of before and after" tabIndex={0}>
          {lines.map((line, index) =>
            line.kind === 'gap' ? (
              <span key={index} className="sy-audit__line sy-audit__line--gap">
                {`  … ${line.count} unchanged ${line.count === 1 ? 'line' : 'lines'}`}
              </span>
            ) : (
              <span key={index} className={`sy-audit__line sy-audit__line--${line.kind}`}>
                {`${line.kind === 'added' ? '+' : line.kind === 'removed' ? '-' : ' '} ${line.text}`}
              </span>
            ),
          )}
        </pre>
      ) : (
        <div className="sy-audit__side">
          <JsonViewer label="Before" value={entry.before ?? null} defaultExpandDepth={3} maxHeight={360} />
          <JsonViewer label="After" value={entry.after ?? null} defaultExpandDepth={3} maxHeight={360} />
        </div>
      )}
    </div>
  );
}
