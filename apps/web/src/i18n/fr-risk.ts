/**
 * Modèles français des raisons du contrôle des risques (en-risk.ts de core). Montants, fractions
 * et prix arrivent déjà formatés par le serveur : seuls les mots autour sont traduits.
 */
export const FR_RISK = {
  /** Les verdicts sans limite en jeu : une attente, une vente, une proposition impossible à dimensionner. */
  verdict: {
    hold: 'attente : rien à contrôler',
    sellNoPosition: 'vente {{pair}} : aucune position à clôturer',
    sellCloses:
      'la vente clôture {{qty}} {{asset}} × {{price}} = {{value}} ; une sortie n’est jamais bloquée',
    invalidProposal: 'le montant proposé {{size}} n’est pas > 0',
    invalidMarket:
      'le prix {{price}} et le capital {{equity}} doivent tous deux être > 0 pour dimensionner un achat',
    withinLimits: '{{size}} respecte toutes les limites',
  },
  /** Coupe-circuits : refus qui ne dépendent pas du montant. */
  breaker: {
    minConfidence: 'la confiance {{confidence}} est sous le minimum {{min}}',
    maxDrawdown:
      'le capital {{equity}} est inférieur de {{drawdown}} à son sommet {{peak}} (limite {{limit}}) : coupe-circuit déclenché',
    dailyLoss:
      'le capital {{equity}} est inférieur de {{loss}} à sa valeur en début de journée, {{dayStart}} (limite {{limit}})',
    cooldown:
      '{{losses}} transactions perdantes d’affilée, la dernière clôturée le {{lastExit}} : reprise des achats le {{until}} (dans {{minutes}} min)',
    maxOpenPositions:
      '{{open}} positions ouvertes (limite {{limit}}) ; {{pair}} en serait une nouvelle',
  },
  /** Les plafonds qui réduisent un achat, et le plancher en dessous. */
  cap: {
    target: 'montant visé {{size}}',
    positionFull:
      '{{held}} déjà détenus sur {{pair}}, soit au moins le plafond de {{capPct}} du capital = {{cap}}',
    positionRoom: 'plafond {{capPct}} du capital {{equity}} = {{cap}} − détenu {{held}} = {{room}}',
    cash: 'seulement {{cash}} de liquidités disponibles',
    minOrder: 'le montant {{size}} est sous l’ordre minimal {{min}}',
  },
  /** La limite d’impact de prix attendu. */
  slippage: {
    evenMinimum:
      'glissement attendu de {{bps}} pb sur {{size}}, au-delà de {{max}} pb, et l’ordre minimal {{min}} le dépasse aussi',
    noSize: 'aucun montant ne reste sous {{max}} pb de glissement',
    shrunk:
      'glissement attendu de {{bps}} pb sur {{size}}, au-delà de {{max}} pb : réduit à {{shrunk}} ({{shrunkBps}} pb)',
  },
  /** Le calcul du montant visé. */
  sizing: {
    fixedFraction: 'fraction fixe {{fraction}} du capital {{equity}} = {{size}}',
    atrUnavailable: 'ATR à {{atr}} : impossible de dimensionner selon la distance du stop',
    atr: 'risque de {{fraction}} sur {{equity}} = {{risk}}, pour un stop à {{multiple}} × ATR {{atr}} = {{distance}} du prix {{price}} → {{size}}',
    kellyFallback:
      'seulement {{trades}} transactions clôturées (minimum pour Kelly : {{min}}) : Kelly revient à la fraction fixe',
    kellyStats: 'W {{winRate}}, R {{payoff}} sur {{trades}} transactions',
    kellyNoEdge: 'Kelly f* = {{kelly}} ≤ 0 ({{stats}}) : aucun avantage mesuré',
    kelly:
      'Kelly f* = {{kelly}} ({{stats}}) × {{kellyFraction}} → {{fraction}} du capital {{equity}} = {{size}}',
  },
} as const;
