/**
 * Candles with volume and indicator overlays the user toggles (SMA 20, EMA 50, Bollinger Bands
 * 20/2, remembered in localStorage), the bot's trades marked, moving live: the REST answer
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
  LineStyle,
  type IChartApi,
  type ISeriesApi,
  type ISeriesMarkersPluginApi,
  type SeriesMarker,
  type Time,
} from 'lightweight-charts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveEvents } from '../../socket/live';
import type { LiveEvent } from '../../socket/event-gate';
import {
  chartOptions,
  cssVar,
  priceFormat,
  toTime,
  useChartLook,
  volumeFormat,
} from '../../components/charts/chart-theme';
import {
  loadOverlays,
  OVERLAYS,
  overlayLines,
  saveOverlays,
  type Overlay,
  type OverlayLines,
  type OverlayPoint,
  type OverlaySet,
} from './overlays';

type Candle = CandlesResponse['candles'][number];
type LineKey = keyof OverlayLines;

/** Which toggle shows each line, and its colour (a CSS variable). */
const LINES: Readonly<Record<LineKey, { readonly overlay: Overlay; readonly color: string }>> = {
  sma20: { overlay: 'sma20', color: '--line-2' },
  ema50: { overlay: 'ema50', color: '--warn' },
  bbUpper: { overlay: 'bb20', color: '--accent' },
  bbMiddle: { overlay: 'bb20', color: '--accent' },
  bbLower: { overlay: 'bb20', color: '--accent' },
};
const LINE_KEYS = Object.keys(LINES) as LineKey[];

interface Series {
  readonly candles: ISeriesApi<'Candlestick'>;
  readonly volume: ISeriesApi<'Histogram'>;
  readonly lines: Readonly<Record<LineKey, ISeriesApi<'Line'>>>;
  readonly markers: ISeriesMarkersPluginApi<Time>;
}

function volumeBar(c: Candle) {
  return {
    time: toTime(c.ts),
    value: c.volume,
    color: c.close >= c.open ? cssVar('--pos') : cssVar('--neg'),
  };
}

function linePoint(p: OverlayPoint) {
  return { time: toTime(p.ts), value: p.value };
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
  const look = useChartLook();
  const { t } = useTranslation();
  const [overlays, setOverlays] = useState<OverlaySet>(() => loadOverlays());

  const toggle = (o: Overlay, on: boolean) => {
    const next = { ...overlays, [o]: on };
    setOverlays(next);
    saveOverlays(next);
  };

  useEffect(() => {
    if (box.current === null) return;
    const c = createChart(box.current, chartOptions());
    const candleSeries = c.addSeries(CandlestickSeries, {});
    const volume = c.addSeries(HistogramSeries, {
      priceScaleId: 'vol',
    });
    c.priceScale('vol').applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
    const line = (key: LineKey) =>
      c.addSeries(LineSeries, {
        lineWidth: 1,
        lineStyle: key === 'bbMiddle' ? LineStyle.Dotted : LineStyle.Solid,
        priceLineVisible: false,
        lastValueVisible: false,
        crosshairMarkerVisible: false,
      });
    chart.current = c;
    series.current = {
      candles: candleSeries,
      volume,
      lines: {
        sma20: line('sma20'),
        ema50: line('ema50'),
        bbUpper: line('bbUpper'),
        bbMiddle: line('bbMiddle'),
        bbLower: line('bbLower'),
      },
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
      priceFormat: priceFormat(),
    });
    s.volume.applyOptions({ priceFormat: volumeFormat() });
    for (const k of LINE_KEYS) {
      s.lines[k].applyOptions({ color: cssVar(LINES[k].color), priceFormat: priceFormat() });
    }
  }, [look]);

  useEffect(() => {
    const s = series.current;
    if (s === null) return;
    for (const k of LINE_KEYS) {
      const shown = overlays[LINES[k].overlay];
      // The bands carry one title (on the upper line), the other lines their own.
      const title =
        k === 'bbMiddle' || k === 'bbLower' ? '' : t(`trading.overlay.${LINES[k].overlay}`);
      s.lines[k].applyOptions({ visible: shown, title });
    }
  }, [overlays, t]);

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
    const lines = overlayLines(candles);
    for (const k of LINE_KEYS) s.lines[k].setData(lines[k].map(linePoint));
    chart.current?.timeScale().fitContent();
  }, [candles, look]);

  useEffect(() => {
    series.current?.markers.setMarkers(tradeMarkers(trades, frameMs, candles[0]?.ts ?? 0));
  }, [trades, frameMs, candles, look]);

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
      // The same batch functions as setData over every row (EMA depends on the whole history):
      // the last point of each line, when it is past its warm-up, is this candle's.
      const lines = overlayLines(rows.current);
      for (const k of LINE_KEYS) {
        const tail = lines[k][lines[k].length - 1];
        if (tail !== undefined && tail.ts === candle.ts) s.lines[k].update(linePoint(tail));
      }
    },
    [pair, timeframe],
  );
  useLiveEvents(onEvent);

  return (
    <>
      <fieldset className="overlays" data-testid="overlay-toggles">
        <legend>{t('trading.overlays')}</legend>
        {OVERLAYS.map((o) => (
          <label key={o} className="inline">
            <input
              type="checkbox"
              name={o}
              checked={overlays[o]}
              onChange={(e) => {
                toggle(o, e.target.checked);
              }}
            />
            {t(`trading.overlay.${o}`)}
          </label>
        ))}
      </fieldset>
      <div
        ref={box}
        className="chart"
        style={{ height: 420 }}
        role="img"
        aria-label={label}
        data-testid="candles"
      />
    </>
  );
}
