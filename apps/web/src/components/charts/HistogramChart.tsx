/** One histogram series over time (AI cost per day, daily PnL with green/red bars). */
import { createChart, HistogramSeries, type IChartApi, type ISeriesApi } from 'lightweight-charts';
import { useEffect, useRef } from 'react';
import { chartOptions, cssVar, priceFormat, toTime, useChartLook } from './chart-theme';
import type { LinePoint } from './LineChart';

export function HistogramChart({
  points,
  height = 200,
  label,
  color = '--accent',
  signColors,
  digits = 2,
}: {
  readonly points: readonly LinePoint[];
  readonly height?: number;
  readonly label: string;
  /** A CSS variable name such as --accent. */
  readonly color?: string;
  /** Colour each bar by its sign instead (CSS variable names): gains `up`, losses `down`. */
  readonly signColors?: { readonly up: string; readonly down: string };
  /** Decimals on the scale and labels (AI costs are fractions of a cent). */
  readonly digits?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi | null>(null);
  const series = useRef<ISeriesApi<'Histogram'> | null>(null);
  const look = useChartLook();

  useEffect(() => {
    if (box.current === null) return;
    const c = createChart(box.current, chartOptions());
    chart.current = c;
    series.current = c.addSeries(HistogramSeries, { priceLineVisible: false });
    return () => {
      c.remove();
      chart.current = null;
      series.current = null;
    };
  }, []);

  useEffect(() => {
    const c = chart.current;
    const s = series.current;
    if (c === null || s === null) return;
    c.applyOptions(chartOptions());
    s.applyOptions({ color: cssVar(color), priceFormat: priceFormat(digits) });
    // Days are distinct and oldest first (the API's order); sort anyway, the chart requires it.
    const data = [...points]
      .sort((a, b) => a.ts - b.ts)
      .map((p) =>
        signColors === undefined
          ? { time: toTime(p.ts), value: p.value }
          : {
              time: toTime(p.ts),
              value: p.value,
              color: cssVar(p.value < 0 ? signColors.down : signColors.up),
            },
      );
    s.setData(data);
    c.timeScale().fitContent();
  }, [points, color, signColors?.up, signColors?.down, digits, look]);

  return <div ref={box} className="chart" style={{ height }} role="img" aria-label={label} />;
}
