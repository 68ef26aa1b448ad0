import { describe, expect, it } from 'vitest';
import { v7 } from 'uuid';
import { uuidV7Floor } from './uuid-v7-floor';

describe('uuidV7Floor', () => {
  it('sorts below every id of that millisecond and above every earlier one', () => {
    const t = Date.UTC(2026, 10, 23, 12, 0, 0);
    const at = v7({ msecs: t });
    const before = v7({ msecs: t - 1 });
    expect(uuidV7Floor(t) <= at).toBe(true);
    expect(uuidV7Floor(t) > before).toBe(true);
    expect(uuidV7Floor(t)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7000-8000-000000000000$/);
  });
});
