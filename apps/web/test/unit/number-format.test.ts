// @vitest-environment jsdom
// Numbers in the reader's language: on the page, and on the charts, which draw on a canvas and so
// get their numbers formatted before drawing.
import type { BarPrice } from 'lightweight-charts';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { priceFormat, volumeFormat } from '../../src/components/charts/chart-theme';
import { i18n, initI18n } from '../../src/i18n';
import { money, num, pct } from '../../src/lib/format';

const bar = (n: number) => n as BarPrice;

beforeAll(() => {
  localStorage.setItem('nx-lang', 'en');
  initI18n();
});

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('chart number formats', () => {
  it('writes prices with two decimals, grouped the English way', () => {
    expect(priceFormat().formatter(bar(10001))).toBe('10,001.00');
    expect(priceFormat().formatter(bar(-2.638))).toBe('-2.64');
    expect(priceFormat(4).formatter(bar(0.00123))).toBe('0.0012');
    expect(priceFormat(4).minMove).toBe(0.0001);
    expect(volumeFormat().formatter(bar(36_220.5))).toBe('36.22K');
  });

  it('writes them the French way once the reader switches', async () => {
    await i18n.changeLanguage('fr');
    expect(priceFormat().formatter(bar(10001))).toBe('10\u202f001,00');
    expect(priceFormat().formatter(bar(3.8))).toBe('3,80');
    expect(volumeFormat().formatter(bar(36_220.5))).toBe('36,22\u00a0k');
  });
});

describe('page number formats', () => {
  it('never shows a negative zero for a loss that rounds to nothing', async () => {
    expect(pct(-0.0000049)).toBe('0.00%');
    expect(money(-0.001)).toBe('0.00');
    expect(num(-0.00001)).toBe('0');
    expect(money(-1.5)).toBe('-1.50');
    await i18n.changeLanguage('fr');
    expect(pct(-0.0000049)).toBe('0,00\u00a0%');
    expect(pct(-0.0123)).toBe('-1,23\u00a0%');
  });
});

describe('counted nouns', () => {
  it('agree with their count in each language and group its thousands', async () => {
    expect(i18n.t('decisions.evaluated', { count: 1 })).toBe('1 decision with a known outcome');
    expect(i18n.t('decisions.evaluated', { count: 0 })).toBe('0 decisions with a known outcome');
    expect(i18n.t('backtests.candles', { count: 47_360 })).toBe('47,360 candles');
    await i18n.changeLanguage('fr');
    // French counts 0 and 1 as singular.
    expect(i18n.t('decisions.evaluated', { count: 1 })).toBe('1 décision au résultat connu');
    expect(i18n.t('decisions.evaluated', { count: 0 })).toBe('0 décision au résultat connu');
    expect(i18n.t('backtests.candles', { count: 47_360 })).toBe('47\u202f360 bougies');
    expect(i18n.t('bot.paused', { count: 2 })).toBe('En pause : 2 nouvelles lignes en attente');
  });
});
