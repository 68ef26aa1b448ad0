import './Switch.css';

export interface SwitchProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Accessible name, e.g. "Signup relay is on". */
  label: string;
  /** Visible text beside the track; defaults to On/Off. */
  text?: { on: string; off: string } | null;
  disabled?: boolean;
  busy?: boolean;
}

/** An on/off switch (`role="switch"`), operable with Space and Enter like a button. */
export function Switch({ checked, onChange, label, text = { on: 'On', off: 'Off' }, disabled = false, busy = false }: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={label}
      aria-busy={busy || undefined}
      title={label}
      disabled={disabled || busy}
      className={checked ? 'sy-switch sy-switch--on' : 'sy-switch'}
      onClick={() => onChange(!checked)}
    >
      <span className="sy-switch__track" aria-hidden="true">
        <span className="sy-switch__thumb" />
      </span>
      {text ? <span className="sy-switch__text">{checked ? text.on : text.off}</span> : null}
    </button>
  );
}
