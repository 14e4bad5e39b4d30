/**
 * English templates for the `regime` texts (see msg.ts for the placeholder syntax). The detector
 * writes no sentences; what people read is the kind's name, inside signal reasons (and wherever else
 * a text names the regime), so each kind is a message a translation can name in its own words. The
 * English is the identifier itself, as the texts said before they became messages.
 */
export const EN_REGIME = {
  kind: {
    'trending-up': 'trending-up',
    'trending-down': 'trending-down',
    ranging: 'ranging',
    volatile: 'volatile',
    unknown: 'unknown',
  },
} as const;
