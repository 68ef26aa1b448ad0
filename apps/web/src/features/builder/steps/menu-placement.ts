import type { CSSProperties } from 'react';

/** Room kept between the menu and the window's edges, in px. */
export const EDGE = 8;
/** Below this much room under the button the menu opens upwards, if there is more room above. */
const COMFORTABLE_HEIGHT = 360;
/** The gap between the button and the menu (the CSS's `calc(100% + 6px)`). */
const GAP = 6;

interface Box {
  left: number;
  top: number;
  bottom: number;
  width: number;
}

/**
 * Where the Add-step menu goes so that it stays inside the window: below the button, or above it when
 * the room below is short and the room above larger; as tall as that room allows (it scrolls inside);
 * shifted sideways when centring it on its anchor would cross an edge. `anchor` is the menu's
 * positioned parent, on whose centre the CSS centres the menu (`left: 50%`).
 */
export function menuPlacement(params: {
  button: Box;
  anchor: Box;
  menuWidth: number;
  window: { width: number; height: number };
}): CSSProperties {
  const { button, anchor, menuWidth, window } = params;
  const below = window.height - button.bottom - EDGE - GAP;
  const above = button.top - EDGE - GAP;
  const up = below < COMFORTABLE_HEIGHT && above > below;
  const room = Math.max(120, up ? above : below);
  const centre = anchor.left + anchor.width / 2;
  const left = Math.max(EDGE, Math.min(centre - menuWidth / 2, window.width - EDGE - menuWidth));
  return {
    maxHeight: `${Math.min(room, 640)}px`,
    ...(up ? { top: 'auto', bottom: `calc(100% + ${GAP}px)` } : {}),
    transform: `translateX(${Math.round(left - centre)}px)`,
  };
}
