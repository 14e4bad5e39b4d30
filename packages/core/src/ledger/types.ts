/** Why a position was reduced or closed; shown on every trade. */
export type ExitReason =
  'signal' | 'stop-loss' | 'take-profit' | 'trailing-stop' | 'manual' | 'emergency' | 'end-of-data';

/** One execution against the exchange (paper or Jupiter), as the ledger books it. */
export interface Fill {
  readonly orderId: string;
  readonly pair: string;
  readonly side: 'buy' | 'sell';
  readonly ts: number;
  /** Base quantity, already rounded to the base asset's decimals. */
  readonly qty: number;
  /** Executed price, slippage included. */
  readonly price: number;
  /** Fee paid, in quote currency. */
  readonly fee: number;
  /** What slippage cost versus the reference price, in quote currency (kept apart from fees). */
  readonly slippage: number;
  /** For a sell: why the position was reduced. */
  readonly exitReason?: ExitReason;
}

/**
 * A round trip, as the backtest result and the trades API show it (DESIGN §3). Spot, long-only.
 * `pnl` is net of both legs' fees; `fee` is both legs' fees.
 */
export interface ClosedTrade {
  readonly pair: string;
  readonly side: 'long';
  readonly entryTs: number;
  readonly entryPrice: number;
  readonly exitTs: number;
  readonly exitPrice: number;
  readonly qty: number;
  readonly fee: number;
  readonly pnl: number;
  readonly exitReason: ExitReason;
}

export interface PositionView {
  readonly pair: string;
  readonly asset: string;
  readonly qty: number;
  readonly averageEntry: number;
  readonly mark: number;
  readonly unrealizedPnl: number;
  /** When the current position was opened (first buy while flat). */
  readonly openedAt: number;
}

/**
 * The portfolio at one instant. Invariant, asserted after every event in tests:
 * equity === cash + Σ qty × mark, computed from the stored (rounded) values.
 */
export interface PortfolioSnapshot {
  readonly ts: number;
  readonly cash: number;
  readonly equity: number;
  readonly positions: readonly PositionView[];
  readonly realizedPnl: number;
  readonly fees: number;
  readonly slippage: number;
  /** Highest equity seen so far (for drawdown rules). */
  readonly peakEquity: number;
  /** Equity at the start of the current UTC day (for the daily loss limit). */
  readonly dayStartEquity: number;
}

/** One point of an equity curve (ms UTC, quote currency), as the backtest result shows it. */
export interface EquityPoint {
  readonly ts: number;
  readonly equity: number;
}
