/**
 * Modèles français des motifs de signal des stratégies et des noms de régime (en-signals.ts et
 * en-regime.ts de core). Les nombres arrivent déjà formatés par le serveur (point décimal).
 * Une phrase qui finit par un point en anglais finit aussi par un point ici : les clauses
 * `decision.clause.*` en sont tirées par withoutFinalStops (voir fr-decisions.ts).
 */
export const FR_SIGNALS = {
  hold: 'rien à signaler',
  // Le motif d’une stratégie hors catalogue (un greffon), affiché tel quel dans toutes les langues.
  text: '{{text}}',
  momentum: {
    buy: 'RSI {{rsi}} repassé au-dessus de {{oversold}} (plus bas {{low}}) avec {{macd}} ; ATR {{atr}}.',
    macdPositive: 'un histogramme MACD positif ({{hist}})',
    macdRising: 'un histogramme MACD en hausse ({{prevHist}} → {{hist}})',
    sellBoth:
      'RSI {{rsi}} retombé sous {{overbought}} et MACD passé sous sa ligne de signal (histogramme {{hist}}).',
    sellRsi: 'RSI {{rsi}} retombé sous {{overbought}} en sortant de la zone de surachat.',
    sellMacd: 'MACD passé sous sa ligne de signal (histogramme {{hist}}), avec un RSI à {{rsi}}.',
  },
  meanReversion: {
    buy:
      'Clôture {{close}} revenue dans la bande de Bollinger inférieure ({{lower}}) après une clôture ' +
      'en dessous, à {{prevClose}} (bande à {{prevLower}}) ; sortie à la bande {{band}} ({{exit}}), ' +
      'régime {{regime}}.',
    sell: 'Clôture {{close}} remontée jusqu’à la bande de Bollinger {{band}} ({{exit}}).',
    // Le nom de la bande de sortie (paramètre `exitAt`) dans les phrases ci-dessus.
    band: { middle: 'médiane', upper: 'supérieure' },
  },
  trendFollowing: {
    buy:
      'Tendance haussière confirmée : MM {{fastPeriod}} à {{fast}} au-dessus de la MM {{slowPeriod}} ' +
      'à {{slow}}, ADX {{adx}} ≥ {{adxMin}} et +DI {{plusDi}} au-dessus de −DI {{minusDi}}.',
    sellCross:
      'MM {{fastPeriod}} à {{fast}} passée sous la MM {{slowPeriod}} à {{slow}} : la tendance haussière est finie.',
    sellDi:
      '−DI {{minusDi}} passé au-dessus de +DI {{plusDi}} avec un ADX à {{adx}} : la tendance s’est retournée à la baisse.',
  },
  breakout: {
    buy:
      'Clôture {{close}} au-dessus du plus haut des {{period}} bougies précédentes ({{upper}}), avec ' +
      'une marge de {{margin}} ATR (ATR {{atr}}, amplitude de la bougie {{range}} ATR).',
    sell: 'Clôture {{close}} sous le plus bas des {{period}} bougies précédentes ({{lower}}) : la cassure a échoué ou la tendance est finie.',
  },
} as const;

/** Les régimes, avec les mots des tableaux du tableau de bord (fr-terms.ts, `regime`). */
export const FR_REGIME = {
  kind: {
    'trending-up': 'tendance haussière',
    'trending-down': 'tendance baissière',
    ranging: 'sans tendance',
    volatile: 'volatil',
    unknown: 'inconnu',
  },
} as const;
