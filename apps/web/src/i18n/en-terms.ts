/**
 * English words for values the server sends as identifiers (enums) and for its error codes, kept
 * apart from en.ts so that file stays readable; en.ts nests them as `enums` and `errors`. English
 * mostly shows the identifier as it is; French (fr-terms.ts) says each in its own words.
 */
export const enEnums = {
  // hold: a strategy's signal side when it proposes nothing.
  side: { buy: 'buy', sell: 'sell', hold: 'hold' },
  orderType: {
    market: 'market',
    limit: 'limit',
    'stop-loss': 'stop-loss',
    'take-profit': 'take-profit',
    'trailing-stop': 'trailing stop',
    bracket: 'bracket',
    dca: 'DCA',
    conditional: 'conditional',
  },
  orderStatus: {
    pending: 'pending',
    open: 'open',
    'partially-filled': 'partially filled',
    filled: 'filled',
    cancelled: 'cancelled',
    expired: 'expired',
    rejected: 'rejected',
  },
  orderSource: { bot: 'bot', manual: 'manual' },
  tradeStatus: { open: 'open', closed: 'closed' },
  exitReason: {
    signal: 'signal',
    'stop-loss': 'stop-loss',
    'take-profit': 'take-profit',
    'trailing-stop': 'trailing stop',
    manual: 'manual',
    emergency: 'emergency',
    'end-of-data': 'end of data',
  },
  provider: { rules: 'rules', gemini: 'Gemini', openai: 'OpenAI' },
  regime: {
    'trending-up': 'trending up',
    'trending-down': 'trending down',
    ranging: 'ranging',
    volatile: 'volatile',
    unknown: 'unknown',
  },
  mode: { paper: 'paper', live: 'live' },
  logLevel: { debug: 'DEBUG', info: 'INFO', warn: 'WARN', error: 'ERROR' },
  logSource: { bot: 'bot', backtest: 'backtest', system: 'system' },
  verdict: { approve: 'approved', resize: 'resized', veto: 'vetoed' },
  outcomeBasis: { trade: 'closed trades', paper: 'on paper' },
  /** Timeframe labels ("1h") by unit; {{n}} is the count. */
  timeframe: { m: '{{n}}m', h: '{{n}}h', d: '{{n}}d', w: '{{n}}w' },
  /** The fields of a decision's outcome document. */
  outcomeField: {
    horizonMs: 'Horizon',
    priceAtDecision: 'Price at decision',
    priceAfter: 'Price after',
    marketReturn: 'Market return',
    decisionReturn: 'Decision return',
    scored: 'Scored',
    basis: 'Basis',
    pnl: 'PnL',
  },
} as const;

/** The server's error codes: French shows these; English shows the server's own message. */
export const enErrors = {
  codes: {
    VALIDATION_ERROR: 'The request was refused: a value is not valid.',
    INVALID_ORDER: 'The order was refused: it is not valid here.',
    CSRF_FAILED: 'The request was refused: reload the page and try again.',
    UNAUTHORIZED: 'You need to log in again.',
    TOKEN_EXPIRED: 'Your session expired: log in again.',
    INVALID_CREDENTIALS: 'Wrong username or password.',
    INVALID_REFRESH_TOKEN: 'Your session ended: log in again.',
    REFRESH_TOKEN_REUSED: 'Your session was ended for safety: log in again.',
    FORBIDDEN: 'Your role does not allow this.',
    NOT_FOUND: 'Not found: it may have been deleted.',
    CONFLICT: 'Not possible in the current state (is the bot running or stopped?).',
    INSUFFICIENT_FUNDS: 'Insufficient funds for this order.',
    RISK_VETOED: 'The risk gate refused this order.',
    RATE_LIMITED: 'Too many requests: wait a moment, then try again.',
    LIMIT_EXCEEDED: 'A limit was reached.',
    NOT_AVAILABLE: 'Not available in this mode or on this server.',
    TEMPORARY_ERROR: 'The service is temporarily unavailable: try again shortly.',
    CONFIGURATION_ERROR: 'The server is not configured for this: see its settings.',
    LIVE_BOOKING_FAILED: 'The live order was sent but could not be recorded: check the wallet.',
    FEED_FAILED: 'The market feed failed.',
    INTERNAL_ERROR: 'Internal server error.',
    UNREACHABLE: 'The server cannot be reached.',
  },
  /** An unknown code. */
  generic: 'The server refused the request ({{code}}).',
  /** A field the server refused (its reason is in the server's English). */
  fieldRefused: 'value refused by the server',
  /** Client-side checks of the order ticket. */
  fieldRequired: '{{field}} is required',
  fieldInvalid: '{{field}}: invalid value',
} as const;
