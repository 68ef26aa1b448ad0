import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { childPath } from '../lib/json-path';
import { prettyJson } from '../lib/pretty-json';
import { Button } from './Button';
import { copyText } from './copy-text';
import { Icon } from './Icon';
import './JsonViewer.css';

export interface JsonViewerProps {
  /** Shown above the tree; also names the tree and its buttons. */
  label: string;
  value: unknown;
  /** Path of the value in the expression document, e.g. `steps.send` or `trigger.body`; copied paths start with it. */
  rootPath?: string;
  /** Levels open at first; bigger containers (over 50 entries) start closed whatever their depth. */
  defaultExpandDepth?: number;
  tone?: 'default' | 'danger';
  maxHeight?: number;
  /** Extra buttons in the header, e.g. a download link. */
  actions?: ReactNode;
}

const BIG_CONTAINER = 50;
const PAGE = 100;
const LONG_STRING = 400;

type Mode = 'default' | 'all' | 'none';

interface TreeContext {
  isExpanded: (path: string, depth: number, size: number) => boolean;
  toggle: (path: string, open: boolean) => void;
  copy: (text: string, what: string) => void;
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

function entriesOf(value: Record<string, unknown> | unknown[]): Array<[string | number, unknown]> {
  return Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
}

function Scalar({ value }: { value: unknown }) {
  if (value === null) return <span className="sy-json__null">null</span>;
  if (typeof value === 'string') {
    const shown = value.length > LONG_STRING ? `${value.slice(0, LONG_STRING)}…` : value;
    return (
      <span
        className="sy-json__string"
        title={value.length > LONG_STRING ? `${value.length} characters; copy the value to get all of it` : undefined}
      >
        {JSON.stringify(shown)}
      </span>
    );
  }
  if (typeof value === 'number') return <span className="sy-json__number">{String(value)}</span>;
  if (typeof value === 'boolean') return <span className="sy-json__boolean">{String(value)}</span>;
  return <span className="sy-json__null">{String(value)}</span>;
}

function RowActions({ path, value, context }: { path: string; value: unknown; context: TreeContext }) {
  const shownPath = path || 'the whole value';
  return (
    <span className="sy-json__actions">
      {path ? (
        <button
          type="button"
          className="sy-json__action"
          aria-label={`Copy path ${path}`}
          title={`Copy path ${path}`}
          onClick={() => context.copy(path, `path ${path}`)}
        >
          path
        </button>
      ) : null}
      <button
        type="button"
        className="sy-json__action"
        aria-label={`Copy value of ${shownPath}`}
        title={`Copy value of ${shownPath}`}
        onClick={() => context.copy(typeof value === 'string' ? value : prettyJson(value), `value of ${shownPath}`)}
      >
        <Icon name="copy" size={12} />
      </button>
    </span>
  );
}

function Node({
  name,
  value,
  path,
  depth,
  context,
}: {
  name: ReactNode;
  value: unknown;
  path: string;
  depth: number;
  context: TreeContext;
}) {
  const [limit, setLimit] = useState(PAGE);
  if (!isContainer(value)) {
    return (
      <li className="sy-json__row">
        <span className="sy-json__line">
          <span className="sy-json__toggle-space" aria-hidden="true" />
          {name}
          <Scalar value={value} />
          <RowActions path={path} value={value} context={context} />
        </span>
      </li>
    );
  }
  const entries = entriesOf(value);
  const open = context.isExpanded(path, depth, entries.length);
  const [opening, closing] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  const count = Array.isArray(value)
    ? `${entries.length} ${entries.length === 1 ? 'item' : 'items'}`
    : `${entries.length} ${entries.length === 1 ? 'key' : 'keys'}`;
  const target = path || 'the whole value';
  return (
    <li className="sy-json__row">
      <span className="sy-json__line">
        {entries.length > 0 ? (
          <button
            type="button"
            className="sy-json__toggle"
            aria-expanded={open}
            aria-label={`${open ? 'Collapse' : 'Expand'} ${target}`}
            onClick={() => context.toggle(path, !open)}
          >
            <Icon name="chevronRight" size={12} />
          </button>
        ) : (
          <span className="sy-json__toggle-space" aria-hidden="true" />
        )}
        {name}
        <span className="sy-json__punct">{opening}</span>
        {!open || entries.length === 0 ? (
          <>
            {entries.length > 0 ? (
              <button type="button" className="sy-json__summary" onClick={() => context.toggle(path, true)} tabIndex={-1}>
                {count}
              </button>
            ) : null}
            <span className="sy-json__punct">{closing}</span>
          </>
        ) : null}
        <RowActions path={path} value={value} context={context} />
      </span>
      {open && entries.length > 0 ? (
        <>
          <ul className="sy-json__children">
            {entries.slice(0, limit).map(([key, child]) => (
              <Node
                key={String(key)}
                name={
                  <span className={typeof key === 'number' ? 'sy-json__index' : 'sy-json__key'}>
                    {typeof key === 'number' ? key : JSON.stringify(key)}:
                  </span>
                }
                value={child}
                path={childPath({ parent: path, key })}
                depth={depth + 1}
                context={context}
              />
            ))}
            {entries.length > limit ? (
              <li className="sy-json__row">
                <button type="button" className="sy-json__more" onClick={() => setLimit((value) => value + PAGE)}>
                  Show {Math.min(PAGE, entries.length - limit)} more of {entries.length - limit} hidden
                </button>
              </li>
            ) : null}
          </ul>
          <span className="sy-json__line sy-json__close">
            <span className="sy-json__toggle-space" aria-hidden="true" />
            <span className="sy-json__punct">{closing}</span>
          </span>
        </>
      ) : null}
    </li>
  );
}

/**
 * A JSON value as a tree: nodes collapse and expand, any node's value or path (in JSONata form,
 * `steps.send.body.id`) can be copied, and big containers start closed so large payloads stay cheap.
 */
export function JsonViewer({
  label,
  value,
  rootPath = '',
  defaultExpandDepth = 2,
  tone = 'default',
  maxHeight = 420,
  actions,
}: JsonViewerProps) {
  const [mode, setMode] = useState<Mode>('default');
  const [overrides, setOverrides] = useState<Map<string, boolean>>(() => new Map());
  const [raw, setRaw] = useState(false);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => setNotice(''), 1800);
    return () => window.clearTimeout(timer);
  }, [notice]);

  const isExpanded = useCallback(
    (path: string, depth: number, size: number) => {
      const override = overrides.get(path);
      if (override !== undefined) return override;
      if (mode === 'all') return true;
      if (mode === 'none') return depth === 0;
      return depth < defaultExpandDepth && (depth === 0 || size <= BIG_CONTAINER);
    },
    [overrides, mode, defaultExpandDepth],
  );

  const context: TreeContext = {
    isExpanded,
    toggle: (path, open) => setOverrides((old) => new Map(old).set(path, open)),
    copy: (text, what) => void copyText(text).then((ok) => setNotice(ok ? `Copied ${what}` : 'Could not copy')),
  };

  function setAll(next: Mode) {
    setMode(next);
    setOverrides(new Map());
  }

  const container = isContainer(value);
  // Text that is not JSON (a form body, a plain-text answer) reads best as it is, unquoted.
  const rawText = typeof value === 'string' ? value : prettyJson(value);
  return (
    <figure className={tone === 'danger' ? 'sy-json sy-json--danger' : 'sy-json'}>
      <figcaption className="sy-json__header">
        <span className="sy-json__label">{label}</span>
        <span className="sy-json__header-actions">
          {container ? (
            <button
              type="button"
              className="sy-json__mode"
              aria-pressed={raw}
              onClick={() => setRaw((old) => !old)}
              aria-label={`Show ${label.toLowerCase()} as ${raw ? 'a tree' : 'raw JSON'}`}
              title={raw ? 'Show as a tree' : 'Show as raw JSON'}
            >
              {raw ? 'Tree' : 'JSON'}
            </button>
          ) : null}
          {container && !raw ? (
            <>
              <Button
                size="sm"
                variant="ghost"
                icon="expandAll"
                onClick={() => setAll('all')}
                aria-label={`Expand all of ${label.toLowerCase()}`}
                title="Expand all"
              />
              <Button
                size="sm"
                variant="ghost"
                icon="collapseAll"
                onClick={() => setAll('none')}
                aria-label={`Collapse all of ${label.toLowerCase()}`}
                title="Collapse all"
              />
            </>
          ) : null}
          {actions}
          <Button
            size="sm"
            variant="ghost"
            icon="copy"
            aria-label={`Copy ${label.toLowerCase()}`}
            title={`Copy ${label.toLowerCase()}`}
            onClick={() => context.copy(rawText, label.toLowerCase())}
          />
        </span>
        {notice ? (
          <span className="sy-json__notice" role="status">
            {notice}
          </span>
        ) : null}
      </figcaption>
      {raw || !container ? (
        <pre className="sy-json__raw" style={{ maxHeight }} tabIndex={0} aria-label={label}>
          <code>{rawText}</code>
        </pre>
      ) : (
        <div className="sy-json__scroll" style={{ maxHeight }}>
          <ul className="sy-json__tree" aria-label={label}>
            <Node name={null} value={value} path={rootPath} depth={0} context={context} />
          </ul>
        </div>
      )}
    </figure>
  );
}
