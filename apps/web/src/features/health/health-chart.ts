/** One hour of the health chart, as the API sends it. */
export interface HourCounts {
  hour: string;
  accepted: number;
  refused: number;
  other: number;
}

export interface ChartBar {
  hour: string;
  x: number;
  width: number;
  /** Stacked from the bottom: accepted, then refused, then other. */
  segments: Array<{ kind: 'accepted' | 'refused' | 'other'; y: number; height: number; count: number }>;
}

export interface ChartLayout {
  width: number;
  height: number;
  max: number;
  bars: ChartBar[];
  /** A tick at each day's first hour (UTC midnight), labelled with the date. */
  ticks: Array<{ x: number; label: string }>;
}

/**
 * Lays out requests per hour as stacked bars in a `width` x `height` box: a bar per hour, scaled to
 * the busiest hour (at least 1, so an empty week draws flat), segments in a fixed order.
 */
export function layoutHealthChart(params: { hours: HourCounts[]; width: number; height: number }): ChartLayout {
  const { hours, width, height } = params;
  const max = Math.max(1, ...hours.map((h) => h.accepted + h.refused + h.other));
  const step = hours.length > 0 ? width / hours.length : width;
  const barWidth = Math.max(1, step * 0.8);
  const bars = hours.map((h, i) => {
    let y = height;
    const segments = (['accepted', 'refused', 'other'] as const)
      .filter((kind) => h[kind] > 0)
      .map((kind) => {
        const segmentHeight = (h[kind] / max) * height;
        y -= segmentHeight;
        return { kind, y, height: segmentHeight, count: h[kind] };
      });
    return { hour: h.hour, x: i * step, width: barWidth, segments };
  });
  const ticks = hours.flatMap((h, i) =>
    h.hour.endsWith('T00:00:00.000Z') ? [{ x: i * step, label: h.hour.slice(5, 10).replace('-', '/') }] : [],
  );
  return { width, height, max, bars, ticks };
}

/** Totals of the window, for the chart's text alternative. */
export function totals(hours: HourCounts[]): { accepted: number; refused: number; other: number } {
  return hours.reduce((t, h) => ({ accepted: t.accepted + h.accepted, refused: t.refused + h.refused, other: t.other + h.other }), {
    accepted: 0,
    refused: 0,
    other: 0,
  });
}
