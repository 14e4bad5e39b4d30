/**
 * Modèles français des textes du robot (en-runtime.ts de core) : état, lignes de journal, libellés
 * de flux et de données, avis du serveur. Les identifiants (sens, motifs de sortie, types d’ordre,
 * fournisseur, stratégies, limites de budget) disent les mêmes mots que les tableaux du tableau de
 * bord (fr-terms.ts, strategy-texts-fr.ts) : motifs de sortie et types d’ordre en sont repris tels quels.
 */
import { frEnums } from './fr-terms';

export const FR_RUNTIME = {
  status: {
    stopped: 'arrêté',
    starting: 'reconstitution des comptes et préchauffage des indicateurs',
    runningOn: 'en marche sur {{instance}}',
    runningOnInstance: 'en marche sur l’instance {{instance}}',
    rearmed: 'réarmé',
    rearmedReady: 'réarmé : démarrez le robot quand vous êtes prêt',
    emergencyInForce: 'arrêt d’urgence en vigueur',
    emergencyInForceRearm: 'arrêt d’urgence en vigueur : réarmez le robot pour le démarrer',
    emergency: 'arrêt d’urgence',
    emergencyBy: 'arrêt d’urgence (auteur : {{who}})',
    emergencyByReason: 'arrêt d’urgence (auteur : {{who}}) : {{reason}}',
    stoppedByOwner: 'arrêté par son propriétaire',
    stoppedElsewhere: 'arrêté depuis une autre instance',
    restartingForConfig: 'redémarrage pour appliquer les nouvelles paires ou unité de temps',
    serverShutDown: 'serveur arrêté',
    couldNotStart: 'démarrage impossible : {{error}}',
    feedEnded: 'le flux de marché est terminé (données du rejeu épuisées)',
    stoppedOnError: 'arrêté sur une erreur : {{error}}',
    leaseLost: 'le verrou est passé à une autre instance ; celle-ci s’est arrêtée',
  },
  log: {
    started:
      'démarrage : {{strategy}} sur {{pairs}} ({{timeframe}}), décisions par {{provider}}, flux {{feed}}',
    stopped: 'arrêté',
    haltedEmergency: 'arrêté (urgence)',
    resumed: 'robot repris sur {{instance}}',
    loopStopped: 'la boucle de trading s’est arrêtée : {{error}}',
    booksDisagree:
      'les comptes reconstitués à partir des exécutions ne concordent pas avec les positions ' +
      'enregistrées : {{pair}} : position enregistrée {{stored}} ≠ {{fromFills}} d’après les exécutions',
    liveOrdersInterrupted:
      '{{count}} ordre(s) réel(s) en cours d’envoi à l’arrêt du processus ; ils restent en attente ' +
      'et ne sont PAS renvoyés : vérifiez le portefeuille et l’explorateur, puis annulez-les',
    recovered:
      'reprise après un redémarrage : {{replaced}} ordre(s) en cours replacé(s), {{cancelled}} ' +
      'annulé(s), {{interrupted}} décision(s) interrompue(s) marquée(s) comme échouée(s)',
    feedDegraded: 'flux de marché dégradé : {{reason}}',
    feedDegradedUnknown: 'flux de marché dégradé : raison inconnue',
    exitHit: '{{pair}} : sortie sur {{exit}} à {{price}} ; position clôturée',
    orderPlaced: '{{action}} {{pair}} (confiance {{confidence}}) : ordre passé',
    vetoed: '{{action}} {{pair}} (confiance {{confidence}}) : refusé par le contrôle des risques',
    orderFailed: '{{action}} {{pair}} (confiance {{confidence}}) : échec de l’ordre : {{error}}',
    liveFailed: '{{side}} {{pair}} en réel : échec ({{error}})',
    liveFilled: '{{side}} {{pair}} en réel : {{qty}} à {{price}} (tx {{signature}})',
    manualOrder: 'ordre manuel par {{user}} : {{side}} {{pair}}, {{type}}',
    budgetSpent:
      '{{provider}} : budget quotidien épuisé (limite atteinte : {{limit}} ; {{tokens}} jetons, ' +
      '{{cost}} $) ; les règles hors ligne décident jusqu’à la fin de la journée du {{day}}',
    budgetRecovered:
      '{{provider}} : budget de nouveau disponible, il décide à partir de maintenant',
    backtestFailed: 'le backtest n° {{id}} a échoué : {{error}}',
  },
  decision: {
    entryPending: 'un ordre d’entrée sur {{pair}} attend encore son exécution',
    interrupted:
      'interrompue : le processus s’est arrêté avant le passage de l’ordre ; rien n’a été envoyé',
    offlineRules: 'règles hors ligne : d’après les signaux validés des stratégies',
  },
  feed: {
    /** Les libellés des paires suivies, joints par le séparateur de liste. */
    replayLabels: '{{labels}}',
    binanceReplay: '{{pair}} · Binance spot {{from}}–{{to}}, rejoué',
    live: '{{pairs}} · prix Jupiter + bougies GeckoTerminal, en direct',
  },
  dataset: {
    label: '{{pair}} {{timeframe}} ({{source}}, rejoué)',
    short: {
      binanceSpot: 'Binance spot',
      binanceCrashQuarter: 'Binance spot, trimestre du krach de 2021',
    },
    source: {
      yanniedog: 'Bougies Binance spot, 2017-2026 (yanniedog/binance-historical-OHLCV-data)',
      crashQuarter:
        'Bougies Binance spot, 2021-03-16..06-14 (samgermain/binance_usdt, téléchargement freqtrade)',
    },
  },
  alert: {
    tokenExpired: 'votre jeton d’accès a expiré : actualisez-le et reconnectez-vous',
    sessionRevoked: 'votre session a été révoquée : reconnectez-vous',
  },
  actor: { system: 'système' },
  side: { buy: 'achat', sell: 'vente' },
  exit: frEnums.exitReason,
  orderType: frEnums.orderType,
  provider: { rules: 'règles' },
  strategy: {
    momentum: 'Momentum',
    'mean-reversion': 'Retour à la moyenne',
    'trend-following': 'Suivi de tendance',
    breakout: 'Cassure',
  },
  budgetLimit: { tokens: 'jetons', cost: 'coût' },
} as const;
