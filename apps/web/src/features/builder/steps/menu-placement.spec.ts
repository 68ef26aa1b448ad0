import { describe, expect, it } from 'vitest';
import { EDGE, menuPlacement } from './menu-placement';

const WINDOW = { width: 1280, height: 800 };
const at = (left: number, top: number, width = 26, height = 26) => ({ left, top, bottom: top + height, width });

describe('menuPlacement', () => {
  it('opens below a button near the top, as tall as the room below, centred on its anchor', () => {
    const button = at(627, 100);
    const placement = menuPlacement({ button, anchor: button, menuWidth: 320, window: WINDOW });
    expect(placement.bottom).toBeUndefined();
    expect(placement.maxHeight).toBe('640px');
    expect(placement.transform).toBe('translateX(-160px)');
  });

  it('opens upwards from a button near the bottom, no taller than the room above', () => {
    const button = at(100, 700, 140, 36);
    const placement = menuPlacement({ button, anchor: button, menuWidth: 320, window: WINDOW });
    expect(placement).toMatchObject({ top: 'auto', bottom: 'calc(100% + 6px)' });
    expect(parseFloat(String(placement.maxHeight))).toBeLessThanOrEqual(700 - EDGE - 6);
  });

  it('keeps the menu inside a narrow window instead of centring it across the edge', () => {
    const narrow = { width: 390, height: 844 };
    const button = at(20, 300, 140, 36);
    const placement = menuPlacement({ button, anchor: button, menuWidth: 320, window: narrow });
    const shift = Number(/translateX\((-?\d+)px\)/.exec(String(placement.transform))![1]);
    const left = 20 + 70 + shift;
    expect(left).toBeGreaterThanOrEqual(EDGE);
    expect(left + 320).toBeLessThanOrEqual(narrow.width - EDGE);
  });
});
