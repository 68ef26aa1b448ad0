import { useEffect } from 'react';

/** Room kept between the edited field and the top of the data sheet, in px. */
const GAP = 12;

/**
 * On narrow windows the data panel is a sheet over the bottom of the page. While it is open, the field
 * being edited (the one that has the focus, where picked data goes) is scrolled to just above the
 * sheet, and the page gets room at its end so that even the last field can rise above it.
 */
export function useFieldAboveSheet(params: { open: boolean; sheetId: string }) {
  const { open, sheetId } = params;
  useEffect(() => {
    const sheet = document.getElementById(sheetId);
    // Only when the panel is a fixed sheet (narrow windows); beside the flow it covers nothing.
    if (!open || !sheet || getComputedStyle(sheet).position !== 'fixed') return;
    const layout = sheet.closest<HTMLElement>('.sy-builder__layout');
    const bottomOffset = parseFloat(getComputedStyle(sheet).bottom) || 0;
    // The sheet's height once open: offsetHeight ignores the transform of its sliding in.
    const sheetTop = window.innerHeight - bottomOffset - sheet.offsetHeight;
    if (layout) layout.style.paddingBottom = `${sheet.offsetHeight + GAP}px`;
    const focused = document.activeElement;
    const field = focused instanceof HTMLElement && !sheet.contains(focused) ? (focused.closest('.cm-editor') ?? focused) : null;
    if (field && field !== document.body) {
      const box = field.getBoundingClientRect();
      const overlap = box.bottom - (sheetTop - GAP);
      // Rises above the sheet, but never past the top of the window.
      if (overlap > 0) window.scrollBy({ top: Math.min(overlap, Math.max(0, box.top - GAP)) });
    }
    return () => {
      if (layout) layout.style.paddingBottom = '';
    };
  }, [open, sheetId]);
}
