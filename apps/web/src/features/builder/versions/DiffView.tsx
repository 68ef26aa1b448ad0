import type { DefinitionDiffAnswer } from '../../../api';
import { Badge } from '../../../ui';

const CHANGE_TONES = { added: 'success', removed: 'danger', changed: 'warning', moved: 'info' } as const;

function show(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** A readable, step-by-step diff: one entry per changed step or trigger setting, field by field. */
export function DiffView({ diff }: { diff: DefinitionDiffAnswer }) {
  return (
    <div className="sy-diff" aria-label={`Changes from ${diff.from.label} to ${diff.to.label}`}>
      <p className="sy-muted">
        From <strong>{diff.from.label}</strong> to <strong>{diff.to.label}</strong>
      </p>
      {diff.same ? <p>No differences.</p> : null}
      <ul className="sy-diff__list">
        {diff.changes.map((change) => (
          <li key={`${change.kind}:${change.target}`} className="sy-diff__change">
            <Badge tone={CHANGE_TONES[change.change]}>{change.change}</Badge> <span>{change.summary}</span>
            {change.fields.length > 0 ? (
              <table className="sy-diff__fields">
                <tbody>
                  {change.fields.map((field) => (
                    <tr key={field.path}>
                      <th scope="row">
                        <code>{field.path || '(value)'}</code>
                      </th>
                      <td className="sy-diff__before">
                        <del>{show(field.before)}</del>
                      </td>
                      <td className="sy-diff__after">
                        <ins>{show(field.after)}</ins>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
