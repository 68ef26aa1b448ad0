import { useMemo, useState, useSyncExternalStore } from 'react';
import { Card, Icon } from '../../../ui';
import { useBuilderContext, useBuilderState } from '../builder-context';
import { insertPath, useInsertTargetRegistry } from '../editor/insert-target';
import { callsOut } from '../steps/kits/web-step-kits';
import { FunctionPalette, type PickedField } from '../palette/FunctionPalette';
import { visibleSteps } from './visible-steps';
import { buildDataTree, type DataNode } from './data-tree';
import './DataPicker.css';

function NodeRow({
  node,
  depth,
  onPick,
  defaultOpen,
}: {
  node: DataNode;
  depth: number;
  onPick: (node: DataNode) => void;
  defaultOpen: boolean;
}) {
  const [open, setOpen] = useState(defaultOpen);
  const container = node.children.length > 0;
  return (
    <li className="sy-picker__node" role="none">
      <div className="sy-picker__row" style={{ paddingLeft: `${depth * 14}px` }}>
        {container ? (
          <button
            type="button"
            className="sy-picker__twisty"
            aria-expanded={open}
            aria-label={`${open ? 'Collapse' : 'Expand'} ${node.path}`}
            onClick={() => setOpen((value) => !value)}
          >
            <Icon name={open ? 'chevronDown' : 'chevronRight'} size={14} />
          </button>
        ) : (
          <span className="sy-picker__twisty-space" aria-hidden="true" />
        )}
        <button
          type="button"
          className={`sy-pill sy-pill--${node.kind}`}
          aria-label={`Insert ${node.path}`}
          title={`Insert ${node.path}`}
          // Keep the focus (and the cursor) in the expression field while clicking.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onPick(node)}
        >
          <span className="sy-pill__key">{node.label}</span>
        </button>
        <span className={`sy-picker__value sy-picker__value--${node.kind}`}>{node.preview}</span>
      </div>
      {container && open ? (
        <ul className="sy-picker__list" role="none">
          {node.children.map((child) => (
            <NodeRow key={child.path} node={child} depth={depth + 1} onPick={onPick} defaultOpen={false} />
          ))}
          {node.hiddenChildren > 0 ? (
            <li className="sy-picker__more" style={{ paddingLeft: `${(depth + 1) * 14 + 22}px` }}>
              {node.hiddenChildren} more not shown
            </li>
          ) : null}
        </ul>
      ) : null}
    </li>
  );
}

function Section({
  title,
  node,
  onPick,
  note,
  defaultOpen,
}: {
  title: string;
  node: DataNode | null;
  onPick: (node: DataNode) => void;
  note?: string;
  defaultOpen: boolean;
}) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <section className="sy-picker__section">
      <button type="button" className="sy-picker__section-toggle" aria-expanded={open} onClick={() => setOpen((value) => !value)}>
        <Icon name={open ? 'chevronDown' : 'chevronRight'} size={14} />
        <span className="sy-picker__section-title">{title}</span>
        {node ? <code className="sy-picker__section-path">{node.path}</code> : null}
      </button>
      {open ? (
        node ? (
          <ul className="sy-picker__list" role="none">
            {node.children.length > 0 ? (
              node.children.map((child) => (
                <NodeRow key={child.path} node={child} depth={0} onPick={onPick} defaultOpen={child.label === 'body'} />
              ))
            ) : (
              <NodeRow node={node} depth={0} onPick={onPick} defaultOpen />
            )}
          </ul>
        ) : (
          <p className="sy-picker__note">{note}</p>
        )
      ) : null}
    </section>
  );
}

/**
 * The data panel: a collapsible tree of the sample request and of each earlier step's output.
 * Clicking a field inserts its path where the cursor was in the last focused expression field.
 */
export function DataPicker({ onClose }: { onClose?: () => void }) {
  const { outputs } = useBuilderContext();
  const registry = useInsertTargetRegistry();
  const target = useSyncExternalStore(
    (listener) => registry?.subscribe(listener) ?? (() => undefined),
    () => registry?.current() ?? null,
  );
  const sample = useBuilderState((state) => state.sample);
  const steps = useBuilderState((state) => state.draft.steps);
  const selectedKey = useBuilderState((state) => state.selectedKey);
  const [announcement, setAnnouncement] = useState('');
  const [hint, setHint] = useState('');
  const { earlier, labels, loop } = useMemo(() => visibleSteps({ steps, selectedKey }), [steps, selectedKey]);
  const loopState = loop ? outputs[loop.key] : undefined;

  const triggerTree = useMemo(
    () => (sample ? buildDataTree({ value: sample.trigger, segments: ['trigger'], label: 'trigger' }) : null),
    [sample],
  );

  const [picked, setPicked] = useState<PickedField | null>(null);

  function pick(node: DataNode) {
    const current = registry?.current();
    if (!current) {
      setHint('Click into an expression field first, then pick a field here.');
      return;
    }
    const inserted = insertPath(current, node.path);
    setPicked({ node, target: current, inserted });
    setHint('');
    setAnnouncement(`Inserted ${node.path} into ${current.label}.`);
  }

  return (
    <Card
      id="data-picker"
      className="sy-picker"
      title="Data"
      description={
        target ? (
          <>
            Click a field to insert it into <strong>{target.label}</strong>.
          </>
        ) : (
          'Click into an expression field, then click a field here to insert it.'
        )
      }
      flush
      actions={
        onClose ? (
          <button
            type="button"
            className="sy-button sy-button--ghost sy-button--sm sy-button--icon-only sy-picker__close"
            aria-label="Close the data panel"
            onClick={onClose}
          >
            <Icon name="close" size={16} />
          </button>
        ) : undefined
      }
    >
      <div className="sy-picker__body">
        <Section
          title={sample?.source === 'manual' ? 'Trigger request (hand-made sample)' : 'Trigger request'}
          node={triggerTree}
          onPick={pick}
          defaultOpen
          note="No sample yet. Use “Listen for a test request” on the trigger, then send a request to its URL."
        />
        {loop ? (
          <Section
            key={`item-${loop.key}`}
            title={`Loop item (${loop.step.name || loop.step.id})`}
            node={
              loopState?.itemCount ? buildDataTree({ value: { $item: loopState.firstItem, $index: 0 }, segments: [], label: 'item' }) : null
            }
            onPick={pick}
            defaultOpen
            note={sample ? 'Set “For each item in” to see the first item here.' : 'Needs a sample request.'}
          />
        ) : null}
        {earlier.map((entry, position) => {
          const output = outputs[entry.key];
          const node =
            output && (output.source === 'preview' || output.source === 'test')
              ? buildDataTree({ value: output.output, segments: ['steps', entry.step.id], label: entry.step.id })
              : null;
          const note =
            output?.source === 'error'
              ? `Error on the sample: ${output.error}`
              : callsOut(entry.step.type)
                ? 'Test this step to see its response here.'
                : sample
                  ? 'Set up this step to see its output.'
                  : 'Needs a sample request.';
          return (
            <Section
              key={entry.key}
              title={`${position + 1}. ${labels[entry.key] ?? (entry.step.name || entry.step.id)}`}
              node={node}
              onPick={pick}
              note={note}
              defaultOpen={false}
            />
          );
        })}
      </div>
      {picked ? (
        <FunctionPalette
          picked={picked}
          onApplied={(expression) => {
            setPicked(null);
            setAnnouncement(`Inserted ${expression} into ${picked.target.label}.`);
          }}
          onClose={() => setPicked(null)}
        />
      ) : null}
      <p className="sy-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {hint && !target ? <p className="sy-picker__hint">{hint}</p> : null}
    </Card>
  );
}
