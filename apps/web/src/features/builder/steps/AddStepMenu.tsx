import { useEffect, useId, useRef, useState } from 'react';
import { Icon, type IconName } from '../../../ui';
import { APP_STEP_TYPES, isAppStepType } from '../state/app-step-factory';
import { STEP_TYPE_INFO, type BuilderStepType } from '../state/step-factory';
import { APP_STEP_ICONS } from './app-step-forms';
import './StepIcon.css';

export const STEP_ICONS: Record<string, IconName> = {
  map: 'map',
  filter: 'filter',
  http: 'globe',
  branch: 'workflow',
  loop: 'refresh',
  delay: 'replay',
  respond: 'arrowLeft',
  stop: 'close',
  ...APP_STEP_ICONS,
};

/**
 * The "+" between steps (or the "Add a step" button at the end): opens a small menu of step types.
 */
export function AddStepMenu(props: { label: string; variant: 'between' | 'end'; onAdd: (type: BuilderStepType) => void }) {
  const { label, variant, onAdd } = props;
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const menuId = useId();

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

  const item = (type: BuilderStepType) => (
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
      <span className={`sy-step-icon sy-step-icon--${type}`} aria-hidden="true">
        <Icon name={STEP_ICONS[type]} size={16} />
      </span>
      <span>
        <span className="sy-add-step__item-title">{STEP_TYPE_INFO[type].label}</span>
        <span className="sy-add-step__item-description">{STEP_TYPE_INFO[type].description}</span>
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
        <div className="sy-add-step__menu" role="menu" id={menuId} aria-label="Step types">
          {(Object.keys(STEP_TYPE_INFO) as BuilderStepType[]).filter((type) => !isAppStepType(type)).map((type) => item(type))}
          <div role="group" aria-labelledby={`${menuId}-apps`}>
            <div className="sy-add-step__group" id={`${menuId}-apps`}>
              Apps
            </div>
            {APP_STEP_TYPES.map((type) => item(type))}
          </div>
        </div>
      ) : null}
    </div>
  );
}
