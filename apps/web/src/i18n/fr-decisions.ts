/**
 * Modèles français des textes du fournisseur de règles hors ligne (en-decisions.ts de core) :
 * raisonnement, étapes du fil de la décision, raisons d’une attente. Les nombres arrivent déjà
 * formatés (décimales fixes, point décimal) ; achat et vente ont chacun leur phrase.
 */
import { withoutFinalStops } from '@numerusx/core';
import { FR_SIGNALS } from './fr-signals';

export const FR_DECISIONS = {
  /** Un nombre que le marché n’a pas encore produit (préchauffage des indicateurs). */
  na: 'n.d.',
  /** Les stratégies intégrées dans une phrase, nommées comme sur les écrans (strategy-texts-fr.ts). */
  strategy: {
    momentum: 'Momentum',
    'mean-reversion': 'Retour à la moyenne',
    'trend-following': 'Suivi de tendance',
    breakout: 'Cassure',
  },
  /** Le motif d’un signal cité en cours de phrase : `signal.X` sans son point final. */
  clause: withoutFinalStops(FR_SIGNALS),
  /** Listes dont le séparateur n’est pas le `listSeparator` du catalogue. */
  join: {
    comma: '{{left}}, {{right}}',
    plus: '{{left}} + {{right}}',
  },
  /** La décision d’une bougie sans aucun signal. */
  idle: {
    reasoning:
      'Aucune stratégie n’a émis de signal sur cette bougie, il n’y a donc rien à peser : attente.',
    signals: 'Toutes les stratégies sont restées en attente.',
  },
  /** Titres des étapes du raisonnement. */
  step: {
    regime: 'Régime',
    signals: 'Signaux',
    ensemble: 'Vote pondéré',
    proposal: 'Proposition',
  },
  /** L’étape Régime. */
  regimeDetail:
    '{{regime}} : ADX {{adx}}, ATR {{atrPct}} du prix, volatilité {{volatility}} par bougie',
  /** L’étape Signaux : un élément par signal, puis les stratégies restées en attente. */
  signal: {
    list: '{{items}}',
    buy: '{{strategy}} achat {{confidence}} : {{reason}}',
    sell: '{{strategy}} vente {{confidence}} : {{reason}}',
    holds: 'attente : {{strategies}}',
  },
  /** L’étape Vote pondéré : la somme pondérée de chaque sens, puis le net. */
  ensemble: {
    detail: 'poids du régime {{regime}} ; {{buy}} ; {{sell}} ; {{net}}',
    buyNone: 'achat 0',
    sellNone: 'vente 0',
    buy: 'achat {{score}} = {{terms}}',
    sell: 'vente {{score}} = {{terms}}',
    term: '{{strategy}} {{confidence}} × {{weight}}',
    termUnknownStyle: '{{strategy}} {{confidence}} × {{weight}} (style inconnu)',
    tie: 'égalité : ni achat ni vente',
    netBuy: 'net à l’achat {{net}} (seuil d’entrée {{threshold}}, de sortie {{exitThreshold}})',
    netSell: 'net à la vente {{net}} (seuil d’entrée {{threshold}}, de sortie {{exitThreshold}})',
  },
  /** L’étape Proposition. */
  proposal: {
    hold: 'attente : {{why}}',
    sell: 'vendre toute la position, {{qty}} à ~{{price}} ≈ {{size}}',
    buy: 'acheter {{size}} ({{net}} × max. {{max}}) à ~{{price}} ; stop : {{stop}} ; objectif : {{target}}',
  },
  /** Un niveau de stop ou d’objectif dans l’étape Proposition, et son origine. */
  level: {
    none: 'aucun (pas encore d’ATR)',
    strategy: '{{price}} (suggéré par {{strategy}})',
    signal: '{{price}} (suggéré par le signal)',
    atr: '{{price}} ({{atrs}} × ATR de {{atr}})',
  },
  /** Le paragraphe : régime, votes, score, conclusion. */
  reasoning: {
    one: 'Régime {{regime}} (ADX {{adx}}, ATR {{atrPct}}) ; stratégie ayant émis un signal : {{signalled}} sur {{total}}. Vote : {{votes}}. {{score}} ; {{conclusion}}.',
    many: 'Régime {{regime}} (ADX {{adx}}, ATR {{atrPct}}) ; stratégies ayant émis un signal : {{signalled}} sur {{total}}. Votes : {{votes}}. {{score}} ; {{conclusion}}.',
  },
  vote: {
    buy: '{{strategy}} propose l’achat (confiance {{confidence}}, poids {{weight}} → {{score}}) : {{reason}}',
    sell: '{{strategy}} propose la vente (confiance {{confidence}}, poids {{weight}} → {{score}}) : {{reason}}',
  },
  score: {
    tie: 'Score : achat et vente à égalité ({{score}}), ils s’annulent',
    buy: 'Score : achat {{buy}} contre vente {{sell}}, soit {{net}} net à l’achat',
    sell: 'Score : achat {{buy}} contre vente {{sell}}, soit {{net}} net à la vente',
  },
  conclusion: {
    hold: 'mais {{why}}, donc le robot reste en attente',
    sell: 'la paire est détenue, donc vente de toute la position (~{{size}} à {{price}})',
    buyStopTarget:
      'aucune position sur la paire, donc achat de {{size}} ({{percent}} % des {{max}} permis par les limites de risque) avec un stop à {{stop}} et un objectif à {{target}}',
    buyStop:
      'aucune position sur la paire, donc achat de {{size}} ({{percent}} % des {{max}} permis par les limites de risque) avec un stop à {{stop}}',
    buyTarget:
      'aucune position sur la paire, donc achat de {{size}} ({{percent}} % des {{max}} permis par les limites de risque) avec un objectif à {{target}}',
    buyBare:
      'aucune position sur la paire, donc achat de {{size}} ({{percent}} % des {{max}} permis par les limites de risque) sans stop suggéré (pas encore d’ATR)',
  },
  /** Pourquoi une attente (cité par l’étape Proposition et par la conclusion). */
  why: {
    noUsableSignal: 'aucun signal n’était un achat ou une vente exploitable',
    cancel: 'les scores d’achat et de vente s’annulent',
    alreadyHeld:
      'la paire est déjà détenue (spot, positions longues seulement : pas de renforcement)',
    belowEntry: 'le net {{net}} est sous le seuil d’entrée {{threshold}}',
    noRoom: 'les limites de risque ne permettent aucune position pour l’instant',
    noPosition: 'il n’y a aucune position à vendre (spot, positions longues seulement)',
    belowExit: 'le net {{net}} est sous le seuil de sortie {{threshold}}',
  },
} as const;
