/**
 * English templates for the risk gate's reasons (see msg.ts for the placeholder syntax). Amounts,
 * fractions and prices arrive preformatted by the risk code (`usd`, `pct`), so every language shows
 * the same figures the English always did; only the words around them are translated.
 */
export const EN_RISK = {
  /** The verdicts that need no limit: a hold, a sell, a proposal that cannot be sized. */
  verdict: {
    hold: 'hold: nothing to gate',
    sellNoPosition: 'sell {{pair}}: no position to close',
    sellCloses: 'sell closes {{qty}} {{asset}} × {{price}} = {{value}}; exits are never blocked',
    invalidProposal: 'proposed size {{size}} is not > 0',
    invalidMarket: 'price {{price}} and equity {{equity}} must both be > 0 to size a buy',
    withinLimits: '{{size}} is within every limit',
  },
  /** Circuit breakers: vetoes that do not depend on the size. */
  breaker: {
    minConfidence: 'confidence {{confidence}} is below the minimum {{min}}',
    maxDrawdown:
      'equity {{equity}} is {{drawdown}} below its peak {{peak}} (limit {{limit}}): circuit breaker open',
    dailyLoss: "equity {{equity}} is {{loss}} below the day's start {{dayStart}} (limit {{limit}})",
    cooldown:
      '{{losses}} losing trades in a row, the last closed {{lastExit}}: buys resume {{until}} ({{minutes}} min)',
    maxOpenPositions: '{{open}} positions open (limit {{limit}}); {{pair}} would be a new one',
  },
  /** Caps that shrink a buy, and the floor under it. */
  cap: {
    target: 'target {{size}}',
    positionFull:
      'already holds {{held}} of {{pair}}, at or above the cap {{capPct}} of equity = {{cap}}',
    positionRoom: 'cap {{capPct}} of equity {{equity}} = {{cap}} − held {{held}} = {{room}}',
    cash: 'only {{cash}} cash available',
    minOrder: 'size {{size}} is below the minimum order {{min}}',
  },
  /** The expected price impact limit. */
  slippage: {
    evenMinimum:
      'expected slippage {{bps}} bps on {{size}} exceeds {{max}} bps, and even the minimum order {{min}} does',
    noSize: 'no size within {{max}} bps of slippage',
    shrunk:
      'expected slippage {{bps}} bps on {{size}} exceeds {{max}} bps: shrunk to {{shrunk}} ({{shrunkBps}} bps)',
  },
  /** How the target size was computed. */
  sizing: {
    fixedFraction: 'fixed fraction {{fraction}} of equity {{equity}} = {{size}}',
    atrUnavailable: 'ATR is {{atr}}: cannot size by stop distance',
    atr: 'risk {{fraction}} of {{equity}} = {{risk}} over a stop {{multiple}}×ATR {{atr}} = {{distance}} away at price {{price}} → {{size}}',
    kellyFallback:
      'only {{trades}} closed trades (< kellyMinTrades {{min}}): Kelly falls back to fixed fraction',
    kellyStats: 'W {{winRate}}, R {{payoff}} over {{trades}} trades',
    kellyNoEdge: 'Kelly f* = {{kelly}} ≤ 0 ({{stats}}): no measured edge',
    kelly:
      'Kelly f* = {{kelly}} ({{stats}}) × {{kellyFraction}} → {{fraction}} of equity {{equity}} = {{size}}',
  },
} as const;
