import { type CSSProperties, type ReactNode, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import './HelpTip.css';

/** Room kept between the bubble and the window's edges, in px. */
const EDGE = 8;

export interface HelpTipProps {
  /** The button's accessible name, a question: "What is a dead letter?". */
  label: string;
  /** The plain-words explanation (aligned with docs/glossary.md). */
  children: ReactNode;
}

/**
 * A small "?" button next to a word of jargon that explains it in plain words. The explanation is a
 * tooltip (`role="tooltip"`, the button's description) shown while the button is hovered or focused,
 * so keyboard and screen-reader users reach it like everyone else; a click or Enter keeps it open,
 * Escape closes it. The bubble is placed inside the window (fixed, clamped to its edges).
 */
export function HelpTip({ label, children }: HelpTipProps) {
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const bubble = useRef<HTMLSpanElement>(null);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const [pinned, setPinned] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const [style, setStyle] = useState<CSSProperties>({});
  const open = !dismissed && (hovered || focused || pinned);

  useLayoutEffect(() => {
    if (!open) return;
    const place = () => {
      const anchor = button.current?.getBoundingClientRect();
      const tip = bubble.current;
      if (!anchor || !tip) return;
      const width = tip.offsetWidth;
      const height = tip.offsetHeight;
      const left = Math.min(Math.max(anchor.left + anchor.width / 2 - width / 2, EDGE), window.innerWidth - EDGE - width);
      const below = anchor.bottom + 6;
      const top = below + height > window.innerHeight - EDGE && anchor.top - 6 - height >= EDGE ? anchor.top - 6 - height : below;
      setStyle({ left: Math.max(EDGE, left), top });
    };
    place();
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
  }, [open]);

  useEffect(() => {
    if (!pinned) return;
    const close = (event: Event) => {
      if (!button.current?.contains(event.target as Node) && !bubble.current?.contains(event.target as Node)) setPinned(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [pinned]);

  return (
    <span className="sy-help-tip" onMouseEnter={() => setHovered(true)} onMouseLeave={() => setHovered(false)}>
      <button
        ref={button}
        type="button"
        className="sy-help-tip__button"
        aria-label={label}
        aria-describedby={id}
        aria-expanded={open}
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false);
          setDismissed(false);
        }}
        onClick={() => {
          setDismissed(false);
          setPinned((value) => !value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && open) {
            // Closes the tip only, not a dialog or menu around it.
            event.stopPropagation();
            setPinned(false);
            setDismissed(true);
          }
        }}
      >
        ?
      </button>
      <span ref={bubble} id={id} role="tooltip" className="sy-help-tip__bubble" style={style} hidden={!open}>
        {children}
      </span>
    </span>
  );
}
