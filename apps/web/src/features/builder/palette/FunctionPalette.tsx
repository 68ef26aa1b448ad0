import type { DataNode } from '../data-picker/data-tree';
import { type InsertTarget, rewriteInsertion } from '../editor/insert-target';
import { looksLikeDate, paletteFor } from './function-palette';
import './FunctionPalette.css';

/** A field just inserted from the data panel, and where. */
export interface PickedField {
  node: DataNode;
  target: InsertTarget;
  inserted: { from: number; insert: string };
}

/**
 * Offered under the data panel right after a field is picked: plain-language ways to use it
 * (number of items, join with commas, first item, format date…); a click rewrites the inserted path.
 */
export function FunctionPalette({
  picked,
  onApplied,
  onClose,
}: {
  picked: PickedField;
  onApplied: (expression: string) => void;
  onClose: () => void;
}) {
  const { node } = picked;
  const entries = paletteFor({
    kind: node.kind,
    path: node.path,
    isDate: node.kind === 'string' && looksLikeDate({ preview: node.preview }),
  });
  if (entries.length === 0) return null;
  return (
    <section className="sy-palette" aria-label={`Use ${node.path} as`}>
      <div className="sy-palette__header">
        <span className="sy-palette__title">
          Use <code>{node.label}</code> as…
        </span>
        <button type="button" className="sy-palette__close" onClick={onClose}>
          Keep as is
        </button>
      </div>
      <ul className="sy-palette__list">
        {entries.map((entry) => (
          <li key={entry.label}>
            <button
              type="button"
              className="sy-palette__entry"
              title={entry.expression}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => {
                if (rewriteInsertion(picked.target, picked.inserted, node.path, entry.expression)) onApplied(entry.expression);
                else onClose();
              }}
            >
              <span className="sy-palette__label">{entry.label}</span>
              <span className="sy-palette__description">{entry.description}</span>
              <code className="sy-palette__code">{entry.expression}</code>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
