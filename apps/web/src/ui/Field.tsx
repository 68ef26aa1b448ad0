import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import './Field.css';

export interface FieldProps {
  label: ReactNode;
  /** Id of the control, so the label points at it. */
  htmlFor?: string;
  description?: ReactNode;
  /** Messages shown under the control in the danger colour. */
  errors?: string[];
  errorId?: string;
  optional?: boolean;
  children: ReactNode;
  className?: string;
}

/** Label, control, help text and error messages, stacked with consistent spacing. */
export function Field({ label, htmlFor, description, errors = [], errorId, optional = false, children, className }: FieldProps) {
  return (
    <div className={['sy-field', errors.length > 0 && 'sy-field--invalid', className].filter(Boolean).join(' ')}>
      <div className="sy-field__label-row">
        <label className="sy-field__label" htmlFor={htmlFor}>
          {label}
        </label>
        {optional ? <span className="sy-field__optional">optional</span> : null}
      </div>
      {description ? <p className="sy-field__description">{description}</p> : null}
      {children}
      {errors.length > 0 ? (
        // The alert wraps the list: `role="alert"` on the <ul> itself would take away its list role.
        <div id={errorId} role="alert">
          <ul className="sy-field__errors">
            {errors.map((message, index) => (
              <li key={index}>{message}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

export interface TextInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> {
  label: ReactNode;
  description?: ReactNode;
  errors?: string[];
  optional?: boolean;
  onChange: (value: string) => void;
}

export function TextInput({ label, description, errors = [], optional, onChange, id, className, ...rest }: TextInputProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const errorId = `${inputId}-errors`;
  return (
    <Field
      label={label}
      htmlFor={inputId}
      description={description}
      errors={errors}
      errorId={errorId}
      optional={optional}
      className={className}
    >
      <input
        id={inputId}
        className="sy-input"
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={errors.length > 0 ? errorId : undefined}
        onChange={(event) => onChange(event.target.value)}
        {...rest}
      />
    </Field>
  );
}
