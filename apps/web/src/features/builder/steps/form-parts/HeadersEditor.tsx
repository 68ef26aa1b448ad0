import { Button } from '../../../../ui';
import { stepField } from '../../state/step-draft';
import type { StepFormProps } from '../kits/step-form';
import { ExpressionField } from './ExpressionField';
import { formIssues, stepFieldLabel } from './control-form-parts';

/** The header rows of an `http` or `respond` step: names, and values with `{{ placeholders }}`. */
export function HeadersEditor(props: StepFormProps<'http' | 'respond'>) {
  const { entry, index, setField } = props;
  const value = stepField(entry.step, 'headers');
  const headers = (value && typeof value === 'object' ? value : {}) as Record<string, string>;
  const rows = Object.entries(headers);
  const issues = formIssues(props, 'headers', true).filter((issue) => issue.position === undefined);

  function update(rowIndex: number, name: string, value: string) {
    const next = rows.map(([key, current], position) => (position === rowIndex ? [name, value] : [key, current]));
    setField('headers', Object.fromEntries(next));
  }

  return (
    <fieldset className="sy-step-form__headers">
      <legend className="sy-field__label">Headers</legend>
      <p className="sy-field__description">Values may use {'{{ placeholders }}'}.</p>
      {rows.map(([name, value], rowIndex) => (
        <div className="sy-step-form__header-row" key={rowIndex}>
          <input
            className="sy-input sy-input--mono"
            aria-label={`Header ${rowIndex + 1} name`}
            placeholder="Authorization"
            value={name}
            onChange={(event) => update(rowIndex, event.target.value, value)}
          />
          <ExpressionField
            id={`step-${entry.key}-header-${rowIndex}`}
            label={`Header ${rowIndex + 1} value`}
            targetLabel={stepFieldLabel(index, `Header ${name || rowIndex + 1}`)}
            value={value}
            onChange={(next) => update(rowIndex, name, next)}
            stepIndex={index}
            kind="template"
            placeholder="Bearer {{ … }}"
            issues={formIssues(props, `headers.${name}`)}
          />
          <Button
            variant="ghost"
            size="sm"
            icon="close"
            aria-label={`Remove header ${name || rowIndex + 1}`}
            title="Remove header"
            onClick={() => setField('headers', Object.fromEntries(rows.filter((_, position) => position !== rowIndex)))}
          />
        </div>
      ))}
      {issues.length ? (
        <ul className="sy-field__errors" role="alert">
          {issues.map((issue, position) => (
            <li key={position}>{issue.message}</li>
          ))}
        </ul>
      ) : null}
      <div>
        <Button
          size="sm"
          icon="plus"
          onClick={() => setField('headers', { ...headers, [rows.some(([key]) => key === '') ? `X-Header-${rows.length + 1}` : '']: '' })}
        >
          Add header
        </Button>
      </div>
    </fieldset>
  );
}
