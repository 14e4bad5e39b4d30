/** lightweight-charts draws on a canvas: it needs the theme's colours as values, not CSS variables. */
import type { DeepPartial, ChartOptions, UTCTimestamp } from 'lightweight-charts';
import { ColorType } from 'lightweight-charts';
import { i18n } from '../../i18n';

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
    localization: { locale: i18n.language === 'fr' ? 'fr-FR' : 'en-US' },
    autoSize: true,
  };
}

/** ms → the chart's seconds. */
export const toTime = (ms: number): UTCTimestamp => Math.floor(ms / 1000) as UTCTimestamp;
