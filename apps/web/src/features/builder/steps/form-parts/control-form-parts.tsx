import type { ReactNode } from 'react';
import { issuesFor, stepTarget, type BuilderIssue } from '../../state/builder-issues';
import type { StepFormProps } from '../kits/step-form';
import './ControlStepForms.css';

/** The issues of one field of the step a form edits (`nested`: its sub-fields too). */
export function formIssues(props: StepFormProps, field: string, nested = false): BuilderIssue[] {
  return issuesFor({ issues: props.issues, target: stepTarget(props.entry.key, field), nested });
}

/** Where pills go, as the data picker names a field: `Step 2 · Output`. */
export function stepFieldLabel(index: number, field: string): string {
  return `Step ${index + 1} · ${field}`;
}

export function messages(issues: BuilderIssue[]): string[] {
  return issues.map((issue) => issue.message);
}

export function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A number field's value as the step stores it: empty leaves the setting out. */
export function numberOrUndefined(value: string): number | undefined {
  if (value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isNaN(number) ? undefined : number;
}

/** A group of radio buttons with plain-language choices. */
export function ChoiceGroup<T extends string>(props: {
  name: string;
  legend: string;
  value: T;
  choices: Array<{ value: T; label: ReactNode }>;
  onChange: (value: T) => void;
  errors?: string[];
}) {
  const { name, legend, value, choices, onChange, errors = [] } = props;
  return (
    <fieldset className="sy-control-form__choices">
      <legend className="sy-field__label">{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.value} className="sy-control-form__choice">
          <input type="radio" name={name} checked={value === choice.value} onChange={() => onChange(choice.value)} />
          <span>{choice.label}</span>
        </label>
      ))}
      {errors.length ? (
        <ul className="sy-field__errors" role="alert">
          {errors.map((message, index) => (
            <li key={index}>{message}</li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
