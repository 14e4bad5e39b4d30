/**
 * lightweight-charts draws on a canvas: it needs the theme's colours as values, not CSS variables,
 * and numbers and month names already in the reader's language.
 */
import type {
  ChartOptions,
  DeepPartial,
  PriceFormatCustom,
  UTCTimestamp,
} from 'lightweight-charts';
import { ColorType } from 'lightweight-charts';
import { useTranslation } from 'react-i18next';
import { locale } from '../../lib/format';
import { useTheme } from '../../lib/theme';

export function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

export function chartOptions(): DeepPartial<ChartOptions> {
  const text = cssVar('--muted');
  const grid = cssVar('--border');
  return {
    layout: { background: { type: ColorType.Solid, color: 'transparent' }, textColor: text },
    grid: { vertLines: { color: grid }, horzLines: { color: grid } },
    rightPriceScale: { borderColor: grid },
    timeScale: { borderColor: grid, timeVisible: true, secondsVisible: false },
    // Month names on the time axis and in the crosshair label, in the reader's language.
    localization: { locale: locale() },
    autoSize: true,
  };
}

/** ms → the chart's seconds. */
export const toTime = (ms: number): UTCTimestamp => Math.floor(ms / 1000) as UTCTimestamp;

/** Changes whenever a chart must restyle: the theme or the language. */
export function useChartLook(): string {
  const theme = useTheme();
  const { i18n } = useTranslation();
  return `${theme}:${i18n.language}`;
}

/**
 * Prices on a series' scale, last-value label and crosshair in the reader's number style (10,001.00
 * or 10 001,00), `digits` decimals (two, the chart's default). A series option: the chart-wide
 * `localization.priceFormatter` would also override the volume scale's abbreviations.
 */
export function priceFormat(digits = 2): PriceFormatCustom {
  const f = new Intl.NumberFormat(locale(), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return { type: 'custom', minMove: 1 / 10 ** digits, formatter: (p) => f.format(p) };
}

/** Volumes abbreviated in the reader's language: 36.22K, 36,22 k. */
export function volumeFormat(): PriceFormatCustom {
  const f = new Intl.NumberFormat(locale(), { notation: 'compact', maximumFractionDigits: 2 });
  return { type: 'custom', minMove: 1, formatter: (p) => f.format(p) };
}
