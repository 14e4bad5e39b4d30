import { describe, expect, it } from 'vitest';
import { checkTicket, EMPTY_TICKET, type TicketForm } from '../../src/pages/trading/order-model';

const form = (over: Partial<TicketForm>): TicketForm => ({ ...EMPTY_TICKET, ...over });

describe('order ticket: the form becomes a body of its type, checked before sending', () => {
  it.each([
    {
      name: 'market buy by quote amount',
      form: form({ variant: 'market', side: 'buy', sizeBy: 'quote', amount: '100' }),
      body: { pair: 'SOL/USDT', type: 'market', side: 'buy', quoteAmount: 100 },
    },
    {
      name: 'market sell of the whole position',
      form: form({ variant: 'market', side: 'sell', sizeBy: 'all' }),
      body: { type: 'market', side: 'sell', qty: 'all' },
    },
    {
      name: 'limit buy of 2 SOL at 3.1, GTC',
      form: form({ variant: 'limit', sizeBy: 'base', amount: '2', price: '3.1' }),
      body: { type: 'limit', side: 'buy', qty: 2, price: 3.1, tif: 'GTC' },
    },
    {
      name: 'stop-loss sells everything by default',
      form: form({ variant: 'stop-loss', stopPrice: '2.5' }),
      body: { type: 'stop-loss', side: 'sell', stopPrice: 2.5, qty: 'all' },
    },
    {
      name: 'trailing stop of 5 %',
      form: form({ variant: 'trailing-stop', trailPercent: '5' }),
      body: { type: 'trailing-stop', trail: { percent: 5 }, qty: 'all' },
    },
    {
      name: 'bracket at market with stop and target',
      form: form({ variant: 'bracket', amount: '200', stopPrice: '3', takeProfitPrice: '4' }),
      body: { type: 'bracket', side: 'buy', quoteAmount: 200, stopPrice: 3, takeProfitPrice: 4 },
    },
    {
      name: 'DCA: 10 buys of 50, one every 24 bars',
      form: form({ variant: 'dca:schedule', amount: '50', count: '10', everyBars: '24' }),
      body: { type: 'dca', mode: 'schedule', quoteAmount: 50, count: 10, everyBars: 24 },
    },
    {
      name: 'conditional buy',
      form: form({ variant: 'conditional', amount: '10', condition: ' rsi14 < 30 ' }),
      body: { type: 'conditional', side: 'buy', quoteAmount: 10, condition: 'rsi14 < 30' },
    },
  ])('$name', ({ form: f, body }) => {
    const checked = checkTicket(f);
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.body).toMatchObject(body);
  });

  it.each([
    // what is wrong                          form                                                         field
    ['no amount on a market buy', form({ variant: 'market', amount: '' }), 'quoteAmount'],
    [
      'no quantity on a sell by quantity',
      form({ variant: 'market', side: 'sell', sizeBy: 'base' }),
      'qty',
    ],
    ['negative amount', form({ variant: 'market', amount: '-5' }), 'quoteAmount'],
    ['text in a number', form({ variant: 'market', amount: 'abc' }), 'quoteAmount'],
    ['limit without a price', form({ variant: 'limit', amount: '5' }), 'price'],
    ['trail of 100 %', form({ variant: 'trailing-stop', trailPercent: '100' }), 'trail'],
    [
      'DCA count 1.5',
      form({ variant: 'dca:schedule', amount: '5', count: '1.5', everyBars: '1' }),
      'count',
    ],
    [
      'empty condition',
      form({ variant: 'conditional', amount: '5', condition: '  ' }),
      'condition',
    ],
    ['lower-case pair', form({ variant: 'market', amount: '5', pair: 'sol/usdt' }), 'pair'],
  ])('refuses %s', (_why, f, field) => {
    const checked = checkTicket(f);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.field).toBe(field);
  });
});
