/**
 * English templates for the strategies' signal reasons (see msg.ts for the placeholder syntax), one
 * group per strategy. Each template reproduces, byte for byte, the sentence the strategy wrote before
 * reasons became messages: `Signal.reason` is rendered from these and stored reasons are compared.
 * Numbers arrive preformatted (`fmt`), so no language re-rounds them; a clause that varies (which
 * MACD condition held, which band is the exit) is its own message, so a translation can reorder it.
 */
export const EN_SIGNALS = {
  hold: 'no setup',
  // A reason a strategy outside this catalog (a plug-in) wrote itself: shown as given in every language.
  text: '{{text}}',
  momentum: {
    buy: 'RSI {{rsi}} crossed up through {{oversold}} (low {{low}}) with {{macd}}; ATR {{atr}}.',
    macdPositive: 'MACD histogram positive ({{hist}})',
    macdRising: 'MACD histogram rising ({{prevHist}} → {{hist}})',
    sellBoth:
      'RSI {{rsi}} fell back through {{overbought}} and MACD crossed below its signal (histogram {{hist}}).',
    sellRsi: 'RSI {{rsi}} fell back through {{overbought}} from overbought.',
    sellMacd: 'MACD crossed below its signal line (histogram {{hist}}) with RSI at {{rsi}}.',
  },
  meanReversion: {
    buy:
      'Close {{close}} came back inside the lower Bollinger Band {{lower}} after closing below it at ' +
      '{{prevClose}} (band {{prevLower}}); {{band}} band {{exit}}, regime {{regime}}.',
    sell: 'Close {{close}} reverted up through the {{band}} Bollinger Band {{exit}}.',
    // The `exitAt` parameter's values, as the band's name inside the sentences above.
    band: { middle: 'middle', upper: 'upper' },
  },
  trendFollowing: {
    buy:
      'Uptrend confirmed: {{fastPeriod}}-MA {{fast}} above {{slowPeriod}}-MA {{slow}}, ADX {{adx}} ≥ ' +
      '{{adxMin}} with +DI {{plusDi}} over −DI {{minusDi}}.',
    sellCross:
      '{{fastPeriod}}-MA {{fast}} crossed below {{slowPeriod}}-MA {{slow}}: the uptrend is over.',
    sellDi: '−DI {{minusDi}} crossed above +DI {{plusDi}} with ADX {{adx}}: the trend turned down.',
  },
  breakout: {
    buy:
      'Close {{close}} broke above the {{period}}-candle high {{upper}} by {{margin}} ATR (ATR {{atr}}, ' +
      'candle range {{range}} ATR).',
    sell: 'Close {{close}} fell below the {{period}}-candle low {{lower}}: the breakout failed or the trend ended.',
  },
} as const;
