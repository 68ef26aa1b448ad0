import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Icon, type IconName } from './Icon';
import './Menu.css';

export interface MenuItem {
  label: string;
  icon?: IconName;
  onSelect: () => void;
  tone?: 'default' | 'danger';
  disabled?: boolean;
  /** A second, quieter line under the label. */
  description?: string;
}

/**
 * A "⋯" button opening a list of actions (`role="menu"`): arrow keys move between items, Escape
 * closes and returns focus to the button, a click outside closes.
 */
export function Menu({
  label,
  items,
  icon = 'more',
  text,
  variant = 'secondary',
}: {
  label: string;
  items: MenuItem[];
  icon?: IconName;
  /** Visible text: the button becomes a labelled button with a chevron instead of an icon. */
  text?: string;
  variant?: 'primary' | 'secondary';
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('focusin', close);
    root.current?.querySelector<HTMLButtonElement>('[role="menuitem"]:not(:disabled)')?.focus();
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('focusin', close);
    };
  }, [open]);

  function onKeyDown(event: KeyboardEvent) {
    if (!open) return;
    const entries = [...(root.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? [])];
    const index = entries.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false);
      button.current?.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      entries[(index + step + entries.length) % entries.length]?.focus();
    }
  }

  return (
    <div className="sy-menu" ref={root} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className={text ? `sy-button sy-button--${variant} sy-button--md` : 'sy-button sy-button--ghost sy-button--sm sy-button--icon-only'}
        aria-label={text ? undefined : label}
        title={text ? undefined : label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((value) => !value)}
      >
        <Icon name={icon} size={16} />
        {text ? (
          <>
            {text}
            <Icon name="chevronDown" size={14} />
          </>
        ) : null}
      </button>
      {open ? (
        <div className="sy-menu__list" role="menu" id={menuId} aria-label={label}>
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              className={item.tone === 'danger' ? 'sy-menu__item sy-menu__item--danger' : 'sy-menu__item'}
              disabled={item.disabled}
              onClick={() => {
                setOpen(false);
                item.onSelect();
              }}
            >
              {item.icon ? <Icon name={item.icon} size={15} /> : null}
              {item.description ? (
                <span className="sy-menu__text">
                  <span>{item.label}</span>
                  <span className="sy-menu__description">{item.description}</span>
                </span>
              ) : (
                item.label
              )}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
