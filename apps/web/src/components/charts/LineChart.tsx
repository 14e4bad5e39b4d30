/** One or more line series over time (equity curves, strategy vs buy-and-hold). */
import { createChart, LineSeries, type IChartApi, type ISeriesApi } from 'lightweight-charts';
import { useEffect, useRef } from 'react';
import { chartOptions, cssVar, priceFormat, toTime, useChartLook } from './chart-theme';

export interface LinePoint {
  readonly ts: number;
  readonly value: number;
}

export interface Line {
  readonly name: string;
  readonly points: readonly LinePoint[];
  /** A CSS variable name such as --accent. */
  readonly color: string;
}

/** The chart wants strictly increasing times: keep the last value of each second. */
function clean(points: readonly LinePoint[]) {
  const out: { time: ReturnType<typeof toTime>; value: number }[] = [];
  for (const p of points) {
    const time = toTime(p.ts);
    const last = out[out.length - 1];
    if (last !== undefined && last.time >= time) {
      if (last.time === time) last.value = p.value;
      continue;
    }
    out.push({ time, value: p.value });
  }
  return out;
}

export function LineChart({
  lines,
  height = 260,
  label,
}: {
  readonly lines: readonly Line[];
  readonly height?: number;
  readonly label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi | null>(null);
  const series = useRef(new Map<string, ISeriesApi<'Line'>>());
  const fitted = useRef(false);
  const look = useChartLook();

  useEffect(() => {
    if (box.current === null) return;
    const c = createChart(box.current, chartOptions());
    chart.current = c;
    return () => {
      c.remove();
      chart.current = null;
      series.current.clear();
    };
  }, []);

  useEffect(() => {
    chart.current?.applyOptions(chartOptions());
  }, [look]);

  // Series are kept across renders and only their data replaced: the socket appends points often.
  useEffect(() => {
    const c = chart.current;
    if (c === null) return;
    const seen = new Set<string>();
    for (const l of lines) {
      seen.add(l.name);
      let s = series.current.get(l.name);
      if (s === undefined) {
        s = c.addSeries(LineSeries, { lineWidth: 2, title: l.name, priceLineVisible: false });
        series.current.set(l.name, s);
        fitted.current = false;
      }
      s.applyOptions({ color: cssVar(l.color), priceFormat: priceFormat() });
      s.setData(clean(l.points));
    }
    for (const [name, s] of series.current) {
      if (!seen.has(name)) {
        c.removeSeries(s);
        series.current.delete(name);
      }
    }
    if (!fitted.current) {
      c.timeScale().fitContent();
      fitted.current = true;
    }
  }, [lines, look]);

  return <div ref={box} className="chart" style={{ height }} role="img" aria-label={label} />;
}
