import type { DecisionSummary } from '@numerusx/contracts';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { keys } from '../../src/api/keys';
import type { Paged } from '../../src/api/pages';
import { applyEvent } from '../../src/socket/cache-bridge';
import { createEventGate, type LiveEvent } from '../../src/socket/event-gate';

const decision = (over: Partial<DecisionSummary> = {}): DecisionSummary => ({
  id: 7,
  botId: 'default',
  ts: 1_600_000_000_000,
  pair: 'SOL/USDT',
  action: 'buy',
  sizeUsd: 100,
  stopLoss: 9,
  takeProfit: 12,
  confidence: 0.7,
  reasoning: 'RSI crossed up',
  provider: 'rules',
  model: null,
  regime: 'trending-up',
  status: 'PENDING',
  latencyMs: 1,
  costUsd: null,
  orderId: null,
  outcome: null,
  ...over,
});

describe('event gate: one schema check for every socket event', () => {
  it.each([
    // event             payload                                                    delivered  why
    ['ai:decision', decision(), true, 'matches DecisionSummary'],
    ['ai:decision', { ...decision(), confidence: 2 }, false, 'confidence above 1'],
    ['ai:decision', { id: 7 }, false, 'fields missing'],
    ['market:tick', { ts: 1, pair: 'SOL/USDT', price: 3.5, source: 'replay' }, true, 'a tick'],
    ['market:tick', { ts: 1, pair: 'sol-usdt', price: 3.5, source: 'replay' }, false, 'bad pair'],
    ['system:alert', { ts: 1, level: 'info', message: 'hi', code: 'admin' }, true, 'an alert'],
    ['system:alert', { ts: 1, level: 'loud', message: 'hi', code: 'admin' }, false, 'bad level'],
    ['made:up', {}, false, 'unknown event'],
  ] as const satisfies readonly (readonly [string, unknown, boolean, string])[])(
    '%s %j → delivered %s (%s)',
    (event: string, payload: unknown, ok: boolean) => {
      const deliver = vi.fn();
      const warn = vi.fn();
      const gate = createEventGate(deliver, warn);
      expect(gate(event, payload)).toBe(ok);
      expect(deliver).toHaveBeenCalledTimes(ok ? 1 : 0);
      expect(warn).toHaveBeenCalledTimes(ok ? 0 : 1);
    },
  );
});

describe('cache bridge: events update cached lists in place', () => {
  const page = (items: DecisionSummary[]): Paged<DecisionSummary> => ({
    pages: [{ items, nextCursor: null }],
    pageParams: [undefined],
  });
  const ev = (d: DecisionSummary): LiveEvent => ({ event: 'ai:decision', payload: d });

  it('prepends a new decision to every list whose filters it matches, and only those', () => {
    const qc = new QueryClient();
    qc.setQueryData(keys.decisions({}), page([decision({ id: 5 })]));
    qc.setQueryData(keys.decisions({ action: 'sell' }), page([]));
    qc.setQueryData(keys.decisions({ minConfidence: 0.5 }), page([]));
    applyEvent(qc, ev(decision({ id: 8 })));
    const ids = (f: object) =>
      qc.getQueryData<Paged<DecisionSummary>>(keys.decisions(f))?.pages[0]?.items.map((d) => d.id);
    expect(ids({})).toEqual([8, 5]);
    expect(ids({ action: 'sell' })).toEqual([]);
    expect(ids({ minConfidence: 0.5 })).toEqual([8]);
  });

  it('replaces a PENDING decision by its final status, without duplicating it', () => {
    const qc = new QueryClient();
    qc.setQueryData(keys.decisions({}), page([decision({ id: 7 })]));
    qc.setQueryData(keys.decisions({ status: 'PENDING' }), page([decision({ id: 7 })]));
    applyEvent(qc, ev(decision({ id: 7, status: 'EXECUTED', orderId: 3 })));
    const all = qc.getQueryData<Paged<DecisionSummary>>(keys.decisions({}))?.pages[0]?.items;
    expect(all).toHaveLength(1);
    expect(all?.[0]?.status).toBe('EXECUTED');
    // It no longer matches the PENDING filter: it leaves that list.
    expect(
      qc.getQueryData<Paged<DecisionSummary>>(keys.decisions({ status: 'PENDING' }))?.pages[0]
        ?.items,
    ).toEqual([]);
  });

  it('sets the bot status and the ticker without refetching', () => {
    const qc = new QueryClient();
    applyEvent(qc, {
      event: 'market:tick',
      payload: { ts: 5, pair: 'SOL/USDT', price: 3.3, source: 'replay' },
    });
    expect(qc.getQueryData(keys.ticker('SOL/USDT'))).toMatchObject({ price: 3.3, ts: 5 });
    expect(qc.isFetching()).toBe(0);
  });
});
