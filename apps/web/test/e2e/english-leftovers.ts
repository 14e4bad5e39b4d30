/**
 * How the French suite spots English left on a screen: the visible text (without <pre>/<code>,
 * which show stored JSON and rule ids as they are) cut into words of letters only (numbers drop
 * out), then matched against English words that French text never uses; a decimal point between
 * digits is English too (French writes a decimal comma). Words French shares or
 * borrows (position, signal, stop, trading, backtest, total, type, on, or, a, as, but…) are left
 * out on purpose: a hit must mean English.
 */
import type { Page } from 'playwright-core';

export const ENGLISH_ONLY: ReadonlySet<string> = new Set(
  (
    'the and with without below above crossed cross order orders fill filled fills hold holding ' +
    'buy buys bought sell sells sold no not none nothing started stopped stopping starting ' +
    'running waiting pending price prices size sized risk reason reasons strategy strategies ' +
    'signals from to of for is was are were be been has have had this that these those which ' +
    'when while will would could should can cannot there their it its by in at if than then into ' +
    'over under after before until since every each all yet still only more less most least new ' +
    'last next open closed close market replayed live candle candles high low cash equity fee ' +
    'fees daily day days hour hours seconds error failed done queued approved vetoed resized ' +
    'executed cancelled expired rejected manual emergency rules offline unknown trending ranging ' +
    'up down uptrend downtrend breakout mean reversion following proposal proposed regime ' +
    'confidence confirmed returned within limit limits target entry exit shrunk held already ' +
    'available histogram per does did out off who what why how here see run runs ready again ' +
    'now pairs side value status decision decisions logs loading trades trade'
  ).split(' '),
);

/** A decimal point between digits: French writes 2,64, so "2.64" is a number left in English. */
const ENGLISH_DECIMAL = /\d\.\d/;

/** Lines of `text` with a word of ENGLISH_ONLY or an English decimal, each with what was found. */
export function englishLines(text: string): string[] {
  const out: string[] = [];
  // A table repeats the same text on many rows (and a tooltip repeats its cell): once is enough.
  for (const line of new Set(text.split(/[\n\t]/).map((l) => l.trim()))) {
    if (line === '') continue;
    const words = line.toLowerCase().split(/[^\p{L}]+/u);
    const hits = [...new Set(words.filter((w) => ENGLISH_ONLY.has(w)))];
    if (ENGLISH_DECIMAL.test(line)) hits.push('(English decimal point)');
    if (hits.length > 0) out.push(`${line}    ← ${hits.join(', ')}`);
  }
  return out;
}

/**
 * What the page shows: body.innerText with <pre>/<code> hidden for the read, plus the options of
 * every select (a closed select shows only its choice, but its list is part of the screen) and
 * the title tooltips (parameter descriptions).
 */
export function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = 'pre, code { display: none !important; }';
    document.head.append(style);
    try {
      const options = [...document.querySelectorAll('option')].map((o) => o.textContent);
      // The chart library's attribution link ("Charting by TradingView") is a brand notice.
      const titles = [...document.querySelectorAll('[title]:not([href*="tradingview"])')].map((e) =>
        e.getAttribute('title'),
      );
      return [document.body.innerText, ...options, ...titles].join('\n');
    } finally {
      style.remove();
    }
  });
}
