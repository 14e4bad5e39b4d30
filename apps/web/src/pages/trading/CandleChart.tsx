/**
 * Candles with volume and an SMA 20 overlay, the bot's trades marked, moving live: the REST answer
 * is read up to the replay's market time (the dataset continues beyond it), then each market:candle
 * of the same pair and timeframe is drawn as it closes.
 */
import type { CandlesResponse, TradeView } from '@numerusx/contracts';
import {
  CandlestickSeries,
  createChart,
  createSeriesMarkers,
  HistogramSeries,
  LineSeries,
  type IChartApi,
  type ISeriesApi,
  type ISeriesMarkersPluginApi,
  type SeriesMarker,
  type Time,
} from 'lightweight-charts';
import { useCallback, useEffect, useRef } from 'react';
import { useTheme } from '../../lib/theme';
import { useLiveEvents } from '../../socket/live';
import type { LiveEvent } from '../../socket/event-gate';
import { chartOptions, cssVar, toTime } from '../../components/charts/chart-theme';

type Candle = CandlesResponse['candles'][number];
const SMA = 20;

interface Series {
  readonly candles: ISeriesApi<'Candlestick'>;
  readonly volume: ISeriesApi<'Histogram'>;
  readonly sma: ISeriesApi<'Line'>;
  readonly markers: ISeriesMarkersPluginApi<Time>;
}

function volumeBar(c: Candle) {
  return {
    time: toTime(c.ts),
    value: c.volume,
    color: c.close >= c.open ? cssVar('--pos') : cssVar('--neg'),
  };
}

function smaPoints(candles: readonly Candle[]) {
  const out: { time: ReturnType<typeof toTime>; value: number }[] = [];
  let sum = 0;
  candles.forEach((c, i) => {
    sum += c.close;
    const drop = candles[i - SMA];
    if (drop !== undefined) sum -= drop.close;
    if (i >= SMA - 1) out.push({ time: toTime(c.ts), value: sum / SMA });
  });
  return out;
}

/** Entries below the bar, exits above, each on the bar that contains it. */
function tradeMarkers(
  trades: readonly TradeView[],
  frameMs: number,
  from: number,
): SeriesMarker<Time>[] {
  const bar = (ts: number) => toTime(Math.floor(ts / frameMs) * frameMs);
  const out: SeriesMarker<Time>[] = [];
  for (const tr of trades) {
    if (tr.entryTs >= from)
      out.push({
        time: bar(tr.entryTs),
        position: 'belowBar',
        shape: 'arrowUp',
        color: cssVar('--pos'),
        text: `#${tr.id}`,
      });
    if (tr.exitTs !== null && tr.exitTs >= from)
      out.push({
        time: bar(tr.exitTs),
        position: 'aboveBar',
        shape: 'arrowDown',
        color: cssVar('--neg'),
        text: `#${tr.id}`,
      });
  }
  return out.sort((a, b) => Number(a.time) - Number(b.time));
}

export function CandleChart({
  candles,
  pair,
  timeframe,
  frameMs,
  trades,
  label,
}: {
  readonly candles: readonly Candle[];
  readonly pair: string;
  readonly timeframe: string;
  readonly frameMs: number;
  readonly trades: readonly TradeView[];
  readonly label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi | null>(null);
  const series = useRef<Series | null>(null);
  const rows = useRef<Candle[]>([]);
  const theme = useTheme();

  useEffect(() => {
    if (box.current === null) return;
    const c = createChart(box.current, chartOptions());
    const candleSeries = c.addSeries(CandlestickSeries, {});
    const volume = c.addSeries(HistogramSeries, {
      priceScaleId: 'vol',
      priceFormat: { type: 'volume' },
    });
    c.priceScale('vol').applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
    const sma = c.addSeries(LineSeries, {
      lineWidth: 1,
      priceLineVisible: false,
      lastValueVisible: false,
      title: `SMA ${SMA}`,
    });
    chart.current = c;
    series.current = {
      candles: candleSeries,
      volume,
      sma,
      markers: createSeriesMarkers(candleSeries, []),
    };
    return () => {
      c.remove();
      chart.current = null;
      series.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.applyOptions(chartOptions());
    const s = series.current;
    if (s === null) return;
    s.candles.applyOptions({
      upColor: cssVar('--pos'),
      downColor: cssVar('--neg'),
      borderVisible: false,
      wickUpColor: cssVar('--pos'),
      wickDownColor: cssVar('--neg'),
    });
    s.sma.applyOptions({ color: cssVar('--line-2') });
  }, [theme]);

  useEffect(() => {
    const s = series.current;
    if (s === null) return;
    rows.current = [...candles];
    s.candles.setData(
      candles.map((c) => ({
        time: toTime(c.ts),
        open: c.open,
        high: c.high,
        low: c.low,
        close: c.close,
      })),
    );
    s.volume.setData(candles.map(volumeBar));
    s.sma.setData(smaPoints(candles));
    chart.current?.timeScale().fitContent();
  }, [candles, theme]);

  useEffect(() => {
    series.current?.markers.setMarkers(tradeMarkers(trades, frameMs, candles[0]?.ts ?? 0));
  }, [trades, frameMs, candles, theme]);

  const onEvent = useCallback(
    (ev: LiveEvent) => {
      if (ev.event !== 'market:candle') return;
      const { candle, pair: p, timeframe: tf } = ev.payload;
      const s = series.current;
      const last = rows.current[rows.current.length - 1];
      // The chart only appends: an older candle (another replay run) would make it throw.
      if (
        s === null ||
        p !== pair ||
        tf !== timeframe ||
        (last !== undefined && candle.ts < last.ts)
      )
        return;
      if (last !== undefined && candle.ts === last.ts)
        rows.current[rows.current.length - 1] = candle;
      else rows.current.push(candle);
      s.candles.update({
        time: toTime(candle.ts),
        open: candle.open,
        high: candle.high,
        low: candle.low,
        close: candle.close,
      });
      s.volume.update(volumeBar(candle));
      const tail = smaPoints(rows.current.slice(-SMA)).pop();
      if (tail !== undefined) s.sma.update(tail);
    },
    [pair, timeframe],
  );
  useLiveEvents(onEvent);

  return (
    <div
      ref={box}
      className="chart"
      style={{ height: 420 }}
      role="img"
      aria-label={label}
      data-testid="candles"
    />
  );
}
