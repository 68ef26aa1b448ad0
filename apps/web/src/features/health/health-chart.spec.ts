import { describe, expect, it } from 'vitest';
import { layoutHealthChart, totals } from './health-chart';

const hour = (h: number) => new Date(Date.UTC(2026, 0, 1, h)).toISOString();

describe('layoutHealthChart', () => {
  it('stacks accepted, refused and other per hour, scaled to the busiest hour, with a tick per day', () => {
    const hours = [
      { hour: hour(22), accepted: 2, refused: 0, other: 0 },
      { hour: hour(23), accepted: 0, refused: 0, other: 0 },
      { hour: hour(24), accepted: 1, refused: 2, other: 1 },
    ];
    const chart = layoutHealthChart({ hours, width: 300, height: 100 });
    expect(chart.max).toBe(4);
    expect(chart.bars.map((b) => b.x)).toEqual([0, 100, 200]);
    expect(chart.bars[0].segments).toEqual([{ kind: 'accepted', y: 50, height: 50, count: 2 }]);
    expect(chart.bars[1].segments).toEqual([]);
    expect(chart.bars[2].segments.map((s) => [s.kind, s.y, s.height])).toEqual([
      ['accepted', 75, 25],
      ['refused', 25, 50],
      ['other', 0, 25],
    ]);
    expect(chart.ticks).toEqual([{ x: 200, label: '01/02' }]);
    expect(totals(hours)).toEqual({ accepted: 3, refused: 2, other: 1 });
  });

  it('draws an empty window flat', () => {
    const chart = layoutHealthChart({ hours: [{ hour: hour(1), accepted: 0, refused: 0, other: 0 }], width: 10, height: 10 });
    expect(chart.max).toBe(1);
    expect(chart.bars[0].segments).toEqual([]);
  });
});
