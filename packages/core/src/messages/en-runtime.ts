/**
 * English templates for the `runtime` texts (see msg.ts for the placeholder syntax): the bot's
 * status, its log lines, feed and dataset labels, and the server's notices. Each renders to exactly
 * the English the server wrote before messages existed, because stored texts and tests compare it.
 *
 * Identifiers a reader would take for English words (sides, exit reasons, order types, the rules
 * provider, strategy ids, budget limits) are messages of their own, nested as parameters, so a
 * translation says them in its words; their keys are the identifiers themselves.
 */
export const EN_RUNTIME = {
  status: {
    stopped: 'stopped',
    starting: 'rebuilding the books and warming up',
    runningOn: 'running on {{instance}}',
    runningOnInstance: 'running on instance {{instance}}',
    rearmed: 're-armed',
    rearmedReady: 're-armed: start the bot when ready',
    emergencyInForce: 'emergency stop in force',
    emergencyInForceRearm: 'emergency stop in force: re-arm to start',
    emergency: 'emergency stop',
    emergencyBy: 'emergency stop by {{who}}',
    emergencyByReason: 'emergency stop by {{who}}: {{reason}}',
    stoppedByOwner: 'stopped by the owner',
    stoppedElsewhere: 'stopped from another instance',
    restartingForConfig: 'restarting to apply the new pairs/timeframe',
    serverShutDown: 'server shut down',
    couldNotStart: 'could not start: {{error}}',
    feedEnded: 'the market feed ended (replay data exhausted)',
    stoppedOnError: 'stopped on an error: {{error}}',
    leaseLost: 'lost the lease to another instance; this one stopped',
  },
  log: {
    started:
      'started: {{strategy}} on {{pairs}} ({{timeframe}}), {{provider}} decides, feed {{feed}}',
    stopped: 'stopped',
    haltedEmergency: 'halted (emergency)',
    resumed: 'resumed the bot on {{instance}}',
    loopStopped: 'the trading loop stopped: {{error}}',
    booksDisagree:
      'books rebuilt from fills disagree with the stored positions: {{pair}}: stored position ' +
      '{{stored}} ≠ {{fromFills}} from fills',
    liveOrdersInterrupted:
      '{{count}} live order(s) were being sent when the process stopped; they are kept pending ' +
      'and NOT sent again: check the wallet and the explorer, then cancel them',
    recovered:
      'recovered after a restart: {{replaced}} working order(s) placed again, {{cancelled}} ' +
      'cancelled, {{interrupted}} interrupted decision(s) marked FAILED',
    feedDegraded: 'market feed degraded: {{reason}}',
    feedDegradedUnknown: 'market feed degraded: unknown reason',
    exitHit: '{{pair}}: {{exit}} hit at {{price}}; position closed',
    orderPlaced: '{{action}} {{pair}} (confidence {{confidence}}): order placed',
    vetoed: '{{action}} {{pair}} (confidence {{confidence}}): vetoed by the risk gate',
    orderFailed: '{{action}} {{pair}} (confidence {{confidence}}): order failed: {{error}}',
    liveFailed: 'live {{side}} {{pair}} failed: {{error}}',
    liveFilled: 'live {{side}} {{pair}}: {{qty}} at {{price}} (tx {{signature}})',
    manualOrder: 'manual {{type}} {{side}} {{pair}} by {{user}}',
    budgetSpent:
      '{{provider}} daily {{limit}} budget spent ({{tokens}} tokens, ${{cost}}): the offline ' +
      'rules decide until {{day}} ends',
    budgetRecovered: '{{provider}} budget available again: it decides from now on',
    backtestFailed: 'backtest {{id}} failed: {{error}}',
  },
  decision: {
    entryPending: 'an entry order for {{pair}} is still waiting for its fill',
    interrupted: 'interrupted: the process stopped before the order was placed; nothing was sent',
    offlineRules: 'offline rules: built from validated strategy signals',
  },
  feed: {
    /** The subscribed pairs' labels, joined with the list separator. */
    replayLabels: '{{labels}}',
    binanceReplay: '{{pair}} · Binance spot {{from}}–{{to}}, replayed',
    live: '{{pairs}} · Jupiter price + GeckoTerminal candles, live',
  },
  dataset: {
    label: '{{pair}} {{timeframe}} ({{source}}, replayed)',
    short: {
      binanceSpot: 'Binance spot',
      binanceCrashQuarter: 'Binance spot, 2021 crash quarter',
    },
    source: {
      yanniedog: 'Binance spot candles, 2017-2026 (yanniedog/binance-historical-OHLCV-data)',
      crashQuarter:
        'Binance spot candles, 2021-03-16..06-14 (samgermain/binance_usdt, freqtrade download)',
    },
  },
  alert: {
    tokenExpired: 'your access token expired: refresh it and reconnect',
    sessionRevoked: 'your session was revoked: log in again',
  },
  actor: { system: 'system' },
  side: { buy: 'buy', sell: 'sell' },
  exit: {
    signal: 'signal',
    'stop-loss': 'stop-loss',
    'take-profit': 'take-profit',
    'trailing-stop': 'trailing-stop',
    manual: 'manual',
    emergency: 'emergency',
    'end-of-data': 'end-of-data',
  },
  orderType: {
    market: 'market',
    limit: 'limit',
    'stop-loss': 'stop-loss',
    'take-profit': 'take-profit',
    'trailing-stop': 'trailing-stop',
    bracket: 'bracket',
    dca: 'dca',
    conditional: 'conditional',
  },
  provider: { rules: 'rules' },
  strategy: {
    momentum: 'momentum',
    'mean-reversion': 'mean-reversion',
    'trend-following': 'trend-following',
    breakout: 'breakout',
  },
  budgetLimit: { tokens: 'tokens', cost: 'cost' },
} as const;
