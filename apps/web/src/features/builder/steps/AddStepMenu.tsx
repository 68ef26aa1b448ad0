import type { StepType } from '@switchyard/engine';
import { type CSSProperties, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { Icon } from '../../../ui';
import { MENU_STEP_TYPES, WEB_STEP_KITS } from './kits/web-step-kits';
import { menuPlacement } from './menu-placement';
import { StepIcon } from './StepIcon';

/**
 * The "+" between steps (or the "Add a step" button at the end): opens a small menu of step types,
 * placed inside the window (see `menu-placement.ts`).
 */
export function AddStepMenu(props: { label: string; variant: 'between' | 'end'; onAdd: (type: StepType) => void }) {
  const { label, variant, onAdd } = props;
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const [placement, setPlacement] = useState<CSSProperties>({});

  useLayoutEffect(() => {
    if (!open) return;
    const place = () => {
      const button = root.current?.querySelector('button');
      const menu = root.current?.querySelector<HTMLElement>('[role="menu"]');
      if (button && menu && root.current)
        setPlacement(
          menuPlacement({
            button: button.getBoundingClientRect(),
            anchor: root.current.getBoundingClientRect(),
            menuWidth: menu.offsetWidth,
            window: { width: window.innerWidth, height: window.innerHeight },
          }),
        );
    };
    place();
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | FocusEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('focusin', close);
    root.current?.querySelector<HTMLButtonElement>('[role="menu"] button')?.focus();
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('focusin', close);
    };
  }, [open]);

  const item = (type: StepType) => (
    <button
      key={type}
      type="button"
      role="menuitem"
      className="sy-add-step__item"
      onClick={() => {
        setOpen(false);
        onAdd(type);
      }}
    >
      <StepIcon type={type} />
      <span>
        <span className="sy-add-step__item-title">{WEB_STEP_KITS[type].label}</span>
        <span className="sy-add-step__item-description">{WEB_STEP_KITS[type].description}</span>
      </span>
    </button>
  );

  return (
    <div
      ref={root}
      className={`sy-add-step sy-add-step--${variant}${open ? ' sy-add-step--open' : ''}`}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          root.current?.querySelector<HTMLButtonElement>('button')?.focus();
        }
      }}
    >
      <button
        type="button"
        className={variant === 'end' ? 'sy-button sy-button--secondary sy-button--md sy-add-step__end' : 'sy-add-step__plus'}
        aria-label={label}
        title={label}
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-haspopup="menu"
        onClick={() => setOpen((value) => !value)}
      >
        <Icon name="plus" size={variant === 'end' ? 16 : 14} />
        {variant === 'end' ? 'Add a step' : null}
      </button>
      {open ? (
        <div className="sy-add-step__menu" role="menu" id={menuId} aria-label="Step types" style={placement}>
          {MENU_STEP_TYPES.core.map((type) => item(type))}
          <div role="group" aria-labelledby={`${menuId}-apps`}>
            <div className="sy-add-step__group" id={`${menuId}-apps`}>
              Apps
            </div>
            {MENU_STEP_TYPES.apps.map((type) => item(type))}
          </div>
        </div>
      ) : null}
    </div>
  );
}
