import { Icon, type IconName } from './Icon';
import { useMenuPopover } from './use-menu-popover';
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
  const { open, setOpen, root, button, menuId, onKeyDown } = useMenuPopover({ items: '[role="menuitem"]:not(:disabled)' });

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
