import './Spinner.css';

export function Spinner({ size = 16, label }: { size?: number; label?: string }) {
  return (
    <span
      className="sy-spinner"
      style={{ width: size, height: size }}
      role={label ? 'status' : undefined}
      aria-hidden={label ? undefined : true}
    >
      {label ? <span className="sy-visually-hidden">{label}</span> : null}
    </span>
  );
}
