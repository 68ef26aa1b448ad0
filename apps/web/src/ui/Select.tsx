import type { SelectHTMLAttributes } from 'react';
import { useId } from 'react';
import './Select.css';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange'> {
  label: string;
  /** Keeps the label for screen readers only, for compact toolbars. */
  hideLabel?: boolean;
  options: SelectOption[];
  onChange: (value: string) => void;
}

export function Select({ label, hideLabel = false, options, onChange, id, ...rest }: SelectProps) {
  const generatedId = useId();
  const selectId = id ?? generatedId;
  return (
    <span className="sy-select__field">
      <label htmlFor={selectId} className={hideLabel ? 'sy-visually-hidden' : 'sy-select__label'}>
        {label}
      </label>
      <select id={selectId} className="sy-select" onChange={(event) => onChange(event.target.value)} {...rest}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </span>
  );
}
