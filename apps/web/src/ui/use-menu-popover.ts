import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

/**
 * The behaviour of a button that opens a menu (`role="menu"`): opening focuses the first item
 * matching `focusFirst`, arrow keys move between the items matching `items`, Escape closes and gives
 * focus back to the button, and a click or focus outside closes.
 */
export function useMenuPopover(options: { items: string; focusFirst?: string }) {
  const { items, focusFirst = items } = options;
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
    root.current?.querySelector<HTMLButtonElement>(focusFirst)?.focus();
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('focusin', close);
    };
  }, [open, focusFirst]);

  function onKeyDown(event: KeyboardEvent) {
    if (!open) return;
    const entries = [...(root.current?.querySelectorAll<HTMLButtonElement>(items) ?? [])];
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

  return { open, setOpen, root, button, menuId, onKeyDown };
}
