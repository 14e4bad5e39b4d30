import { describe, expect, it } from 'vitest';
import {
  hasTemplate,
  keysOf,
  placeholdersOf,
  renderWith,
  type Catalog,
} from '../../src/messages/msg.js';

const EN = {
  listSeparator: '; ',
  order: {
    filled: '{{side}} {{qty}} {{pair}} at {{price}}',
    side: { buy: 'buy', sell: 'sell' },
    why: 'because {{reasons}}',
    plain: 'nothing to do',
  },
} as const satisfies Catalog;

const FR = {
  listSeparator: ' ; ',
  order: {
    filled: '{{side}} de {{qty}} {{pair}} à {{price}}',
    side: { buy: 'achat', sell: 'vente' },
    why: 'parce que {{reasons}}',
  },
} as const satisfies Catalog;

describe('renderWith', () => {
  it('fills placeholders, rendering nested messages in the same language', () => {
    const m = {
      key: 'order.filled',
      params: { side: { key: 'order.side.buy' }, qty: 1.5, pair: 'SOL/USDC', price: '142.3' },
    };
    expect(renderWith([EN], m)).toBe('buy 1.5 SOL/USDC at 142.3');
    expect(renderWith([FR, EN], m)).toBe('achat de 1.5 SOL/USDC à 142.3');
  });

  it("joins a list with the language's separator", () => {
    const m = {
      key: 'order.why',
      params: { reasons: [{ key: 'order.side.buy' }, { key: 'order.side.sell' }] },
    };
    expect(renderWith([EN], m)).toBe('because buy; sell');
    expect(renderWith([FR, EN], m)).toBe('parce que achat ; vente');
  });

  it("rewrites a bare number's separators in the language's style, never its digits", () => {
    const FR_NUMBERS = {
      ...FR,
      decimalSeparator: ',',
      groupSeparator: ' ',
      percentSuffix: ' %',
    } as const satisfies Catalog;
    const EN_NUMBERS = { ...EN, decimalSeparator: '.', groupSeparator: ',' } as const;
    const filled = (qty: string | number, price: string) => ({
      key: 'order.filled',
      params: { side: { key: 'order.side.sell' }, qty, pair: 'SOL/USDC', price },
    });
    const fr = (qty: string | number, price: string) =>
      renderWith([FR_NUMBERS, EN], filled(qty, price));
    expect(fr('1,299.50', '-0.0123')).toBe('vente de 1 299,50 SOL/USDC à -0,0123');
    expect(fr(1.5, '12,345,678')).toBe('vente de 1,5 SOL/USDC à 12 345 678');
    expect(fr('5.00%', '12.00 %')).toBe('vente de 5,00 % SOL/USDC à 12,00 %');
    // A tiny value as String() writes it keeps its exponent.
    expect(fr(3.2e-7, '-1.5e+21')).toBe('vente de 3,2e-7 SOL/USDC à -1,5e+21');
    // Not a bare number: a version, a timestamp, a unit, a duration stay as written.
    expect(fr('1.2.3', '2026-12-02T00:00:00.000Z')).toBe(
      'vente de 1.2.3 SOL/USDC à 2026-12-02T00:00:00.000Z',
    );
    expect(fr('3.1 USDC', '1h')).toBe('vente de 3.1 USDC SOL/USDC à 1h');
    // English, with or without its style declared, is left byte for byte as given.
    for (const en of [EN, EN_NUMBERS]) {
      expect(renderWith([en], filled('1,299.50', '5.00%'))).toBe('sell 1,299.50 SOL/USDC at 5.00%');
    }
  });

  it('falls back to the next catalog for a key the first lacks, and shows an unknown key as itself', () => {
    expect(renderWith([FR, EN], { key: 'order.plain' })).toBe('nothing to do');
    expect(renderWith([FR, EN], { key: 'order.unknown' })).toBe('order.unknown');
  });

  it('keeps the placeholder of a missing parameter visible', () => {
    expect(renderWith([EN], { key: 'order.why' })).toBe('because {{reasons}}');
  });

  it('does not treat a group as a template', () => {
    expect(hasTemplate(EN, 'order.side')).toBe(false);
    expect(renderWith([EN], { key: 'order.side' })).toBe('order.side');
  });
});

describe('catalog inspection', () => {
  it('lists keys and placeholders for parity checks between languages', () => {
    expect(keysOf(FR)).toEqual([
      'listSeparator',
      'order.filled',
      'order.side.buy',
      'order.side.sell',
      'order.why',
    ]);
    expect(placeholdersOf(EN, 'order.filled')).toEqual(['side', 'qty', 'pair', 'price']);
    expect(hasTemplate(EN, 'order.plain')).toBe(true);
  });
});
