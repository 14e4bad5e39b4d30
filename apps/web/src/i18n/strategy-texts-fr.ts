/**
 * French names and descriptions of the built-in strategies (packages/core/src/strategies) and of
 * the risk gate's parameters (packages/core/src/risk/config.ts), by strategy id and parameter key.
 * English needs none: it shows the server's own texts (see strategy-texts.ts).
 */
export interface ParamText {
  readonly label: string;
  readonly description: string;
  /** Words for the values of an enum parameter. */
  readonly options?: Readonly<Record<string, string>>;
}

export interface StrategyText {
  readonly name: string;
  readonly description: string;
  readonly params: Readonly<Record<string, ParamText>>;
}

/** The stop and target parameters every built-in shares. */
export const FR_SHARED_PARAMS: Readonly<Record<string, ParamText>> = {
  atrPeriod: {
    label: 'Période de l’ATR',
    description: 'Période de l’ATR utilisée pour suggérer le stop et l’objectif.',
  },
  stopAtr: {
    label: 'Distance du stop (ATR)',
    description: 'Distance suggérée du stop de protection sous la clôture d’entrée, en ATR.',
  },
  targetAtr: {
    label: 'Distance de l’objectif (ATR)',
    description:
      'Distance suggérée de la prise de bénéfice au-dessus de la clôture d’entrée, en ATR.',
  },
};

export const FR_STRATEGIES: Readonly<Record<string, StrategyText>> = {
  momentum: {
    name: 'Momentum (RSI + MACD)',
    description:
      'Achète quand le RSI sort de la zone de survente avec la confirmation du MACD ; vend quand ' +
      'le RSI redescend de la zone de surachat ou que le MACD passe sous sa ligne de signal.',
    params: {
      rsiPeriod: { label: 'Période du RSI', description: 'Période du RSI.' },
      oversold: {
        label: 'Seuil de survente',
        description: 'Niveau du RSI dont le franchissement à la hausse déclenche un achat.',
      },
      overbought: {
        label: 'Seuil de surachat',
        description: 'Niveau du RSI dont le franchissement à la baisse déclenche une vente.',
      },
      macdFast: { label: 'MACD : EMA rapide', description: 'Période de l’EMA rapide du MACD.' },
      macdSlow: { label: 'MACD : EMA lente', description: 'Période de l’EMA lente du MACD.' },
      macdSignal: {
        label: 'MACD : ligne de signal',
        description: 'Période de l’EMA de la ligne de signal du MACD.',
      },
    },
  },
  'mean-reversion': {
    name: 'Retour à la moyenne (bandes de Bollinger)',
    description:
      'Achète une clôture revenue dans la bande de Bollinger inférieure après une clôture en ' +
      'dessous ; vend quand le prix revient à la bande médiane (ou supérieure).',
    params: {
      period: { label: 'Période de Bollinger', description: 'Période des bandes de Bollinger.' },
      stdDev: {
        label: 'Largeur des bandes',
        description: 'Largeur des bandes, en écarts-types.',
      },
      exitAt: {
        label: 'Bande de sortie',
        description: 'Bande dont le franchissement à la hausse clôt la position.',
        options: { middle: 'médiane', upper: 'supérieure' },
      },
      skipDowntrend: {
        label: 'Ignorer les tendances baissières',
        description: 'Ignore les signaux d’achat tant que le régime est en tendance baissière.',
      },
    },
  },
  'trend-following': {
    name: 'Suivi de tendance (croisement de moyennes + ADX)',
    description:
      'Achète quand la moyenne rapide est au-dessus de la lente, avec un ADX qui confirme la ' +
      'tendance et +DI au-dessus de −DI ; vend quand les moyennes se croisent à la baisse ou que ' +
      '−DI prend le dessus dans une tendance forte.',
    params: {
      fastPeriod: { label: 'Moyenne rapide', description: 'Période de la moyenne mobile rapide.' },
      slowPeriod: { label: 'Moyenne lente', description: 'Période de la moyenne mobile lente.' },
      maType: {
        label: 'Type de moyenne mobile',
        description: 'Type de moyenne mobile.',
        options: { ema: 'exponentielle (EMA)', sma: 'simple (SMA)' },
      },
      adxPeriod: { label: 'Période ADX / DI', description: 'Période de l’ADX et des DI.' },
      adxMin: {
        label: 'ADX minimal',
        description: 'Niveau d’ADX à partir duquel le marché est considéré en tendance.',
      },
    },
  },
  breakout: {
    name: 'Cassure (Donchian + ATR)',
    description:
      'Achète une clôture au-dessus du plus haut des N bougies précédentes, avec une marge en ' +
      'ATR ; vend une clôture sous le plus bas des M bougies précédentes (canaux à la Turtle).',
    params: {
      entryPeriod: {
        label: 'Canal d’entrée (bougies)',
        description: 'Nombre de bougies du canal d’entrée (plus haut).',
      },
      exitPeriod: {
        label: 'Canal de sortie (bougies)',
        description: 'Nombre de bougies du canal de sortie (plus bas).',
      },
      confirmAtr: {
        label: 'Marge de confirmation (ATR)',
        description: 'Écart minimal de la clôture au-dessus du canal, en ATR.',
      },
    },
  },
};

export const FR_RISK_PARAMS: Readonly<Record<string, ParamText>> = {
  sizingMethod: {
    label: 'Méthode de dimensionnement',
    description:
      'Comment un achat est dimensionné : fraction fixe du capital, distance du stop en ATR, ou ' +
      'Kelly fractionné d’après les transactions clôturées du robot.',
    options: { 'fixed-fraction': 'fraction fixe', atr: 'ATR', kelly: 'Kelly' },
  },
  riskFraction: {
    label: 'Fraction par achat',
    description: 'Fraction fixe : part du capital engagée dans un achat (0,1 = 10 %).',
  },
  atrRiskFraction: {
    label: 'Risque par transaction (ATR)',
    description:
      'ATR : part du capital perdue si le stop, à atrStopMultiple × ATR sous l’entrée, est ' +
      'touché (0,01 = 1 %).',
  },
  atrStopMultiple: {
    label: 'Distance du stop (ATR)',
    description: 'ATR : distance du stop, en ATR, utilisée pour dimensionner la position.',
  },
  kellyFraction: {
    label: 'Fraction de Kelly',
    description:
      'Kelly : part de la fraction de Kelly complète engagée (0,5 = demi-Kelly ; le Kelly ' +
      'complet est trop volatil pour un avantage estimé).',
  },
  kellyMinTrades: {
    label: 'Transactions minimales (Kelly)',
    description:
      'Kelly : transactions clôturées nécessaires avant de se fier au taux de réussite ; en ' +
      'deçà, le dimensionnement revient à la fraction fixe.',
  },
  maxPositionPct: {
    label: 'Position maximale',
    description: 'Valeur maximale détenue sur une paire, en fraction du capital (0,25 = 25 %).',
  },
  maxOpenPositions: {
    label: 'Positions ouvertes max.',
    description:
      'Paires détenues en même temps ; un achat sur une paire nouvelle au-delà est refusé ' +
      '(renforcer une position existante ne l’est pas).',
  },
  minOrderUsd: {
    label: 'Ordre minimal',
    description:
      'Plus petit ordre utile, en devise de cotation (frais et poussières rendent les plus ' +
      'petits inutiles).',
  },
  minConfidence: {
    label: 'Confiance minimale',
    description: 'Les achats proposés avec une confiance plus faible (0..1) sont refusés.',
  },
  dailyLossLimitPct: {
    label: 'Perte journalière maximale',
    description:
      'Plus aucun achat dès que le capital est inférieur de plus de cette fraction à sa valeur ' +
      'au début du jour UTC.',
  },
  maxDrawdownPct: {
    label: 'Baisse maximale',
    description:
      'Coupe-circuit : plus aucun achat tant que le capital est inférieur de plus de cette ' +
      'fraction à son sommet.',
  },
  cooldownLosses: {
    label: 'Pertes avant pause',
    description: 'Transactions perdantes consécutives qui déclenchent une pause (0 = jamais).',
  },
  cooldownMinutes: {
    label: 'Durée de la pause (min)',
    description: 'Durée de la pause des achats après la dernière de ces pertes.',
  },
  maxSlippageBps: {
    label: 'Glissement maximal (pb)',
    description:
      'Impact de prix attendu maximal accepté, en points de base ; un achat plus gros est ' +
      'réduit jusqu’à passer sous la limite.',
  },
};
