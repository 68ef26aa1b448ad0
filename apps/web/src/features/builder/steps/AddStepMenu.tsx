import type { StepType } from '@switchyard/engine';
import { type CSSProperties, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { Icon } from '../../../ui';
import { MENU_STEP_TYPES, WEB_STEP_KITS } from './kits/web-step-kits';
import { StepIcon } from './StepIcon';

/** Room kept between the menu and the window's edges, in px. */
const EDGE = 8;
/** Below this much room under the button the menu opens upwards, if there is more room above. */
const COMFORTABLE_HEIGHT = 360;

/**
 * Where the menu goes so that it stays inside the window: below the button, or above it when the room
 * below is short and the room above larger; as tall as the room allows (it scrolls inside); shifted
 * sideways when centring it on the button would cross an edge.
 */
function menuPlacement(button: DOMRect, anchor: DOMRect, menuWidth: number): CSSProperties {
  const below = window.innerHeight - button.bottom - EDGE - 6;
  const above = button.top - EDGE - 6;
  const up = below < COMFORTABLE_HEIGHT && above > below;
  const room = Math.max(120, up ? above : below);
  // The CSS centres the menu on its anchor (the menu's positioned parent).
  const centre = anchor.left + anchor.width / 2;
  const left = Math.min(Math.max(centre - menuWidth / 2, EDGE), window.innerWidth - EDGE - menuWidth);
  return {
    maxHeight: `${Math.min(room, 640)}px`,
    ...(up ? { top: 'auto', bottom: 'calc(100% + 6px)' } : {}),
    transform: `translateX(${Math.round(left - centre)}px)`,
  };
}

/**
 * The "+" between steps (or the "Add a step" button at the end): opens a small menu of step types,
 * placed inside the window (see `menuPlacement`).
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
        setPlacement(menuPlacement(button.getBoundingClientRect(), root.current.getBoundingClientRect(), menu.offsetWidth));
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
