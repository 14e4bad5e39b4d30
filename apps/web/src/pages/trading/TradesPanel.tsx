/** Trade history with filters and CSV export, and the trading statistics. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TradeFilters } from '../../api/keys';
import { flatten } from '../../api/pages';
import { useTrades, useTradeStats } from '../../api/queries';
import { Card, Empty, ErrorNote, Facts, LoadMore } from '../../components/ui';
import { useEnumLabel } from '../../i18n/enum-labels';
import { dateTime, money, num, pct, price, signedMoney, tone } from '../../lib/format';
import { download, toCsv } from './csv';

export function TradesPanel({ pairs }: { readonly pairs: readonly string[] }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const [filters, setFilters] = useState<TradeFilters>({});
  const trades = useTrades(filters);
  const stats = useTradeStats();
  const items = flatten(trades.data);
  const set = (k: keyof TradeFilters, v: string) => {
    setFilters((f) => {
      const rest = Object.fromEntries(Object.entries(f).filter(([key]) => key !== k));
      return v === '' ? rest : { ...rest, [k]: v };
    });
  };
  const exportCsv = () => {
    const header = [
      'id',
      'pair',
      'side',
      'status',
      'entryTs',
      'entryPrice',
      'exitTs',
      'exitPrice',
      'qty',
      'fee',
      'pnl',
      'exitReason',
      'orderId',
      'decisionId',
    ];
    const rows = items.map((x) => [
      x.id,
      x.pair,
      x.side,
      x.status,
      new Date(x.entryTs).toISOString(),
      x.entryPrice,
      x.exitTs === null ? null : new Date(x.exitTs).toISOString(),
      x.exitPrice,
      x.qty,
      x.fee,
      x.pnl,
      x.exitReason,
      x.orderId,
      x.decisionId,
    ]);
    download('numerusx-trades.csv', toCsv(header, rows));
  };
  const s = stats.data;
  return (
    <>
      {s !== undefined && (
        <Card title={t('trading.stats')}>
          <Facts
            rows={[
              [t('metrics.closed'), String(s.closed)],
              [t('metrics.wins'), String(s.wins)],
              [t('metrics.losses'), String(s.losses)],
              [t('metrics.winRate'), pct(s.winRate, 1)],
              [
                t('metrics.totalPnl'),
                <span className={tone(s.totalPnl)}>{signedMoney(s.totalPnl)}</span>,
              ],
              [t('metrics.profitFactor'), num(s.profitFactor, 2)],
              [t('metrics.expectancy'), signedMoney(s.expectancy)],
              [t('common.fee'), money(s.fees)],
              [t('metrics.bestTrade'), signedMoney(s.bestTrade)],
              [t('metrics.worstTrade'), signedMoney(s.worstTrade)],
            ]}
          />
        </Card>
      )}
      <Card
        title={t('trading.trades')}
        testId="trades"
        actions={
          <>
            <select
              aria-label={t('common.pair')}
              value={filters.pair ?? ''}
              onChange={(e) => {
                set('pair', e.target.value);
              }}
            >
              <option value="">{t('trading.allPairs')}</option>
              {pairs.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
            <select
              aria-label={t('common.status')}
              value={filters.status ?? ''}
              onChange={(e) => {
                set('status', e.target.value);
              }}
            >
              <option value="">{t('trading.allStatuses')}</option>
              <option value="open">{t('trading.tradeOpen')}</option>
              <option value="closed">{t('trading.tradeClosed')}</option>
            </select>
            <button type="button" className="btn" disabled={items.length === 0} onClick={exportCsv}>
              {t('trading.exportCsv')}
            </button>
          </>
        }
      >
        <ErrorNote error={trades.error} />
        {items.length === 0 ? (
          <Empty>{t('trading.noTrades')}</Empty>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>#</th>
                  <th>{t('common.pair')}</th>
                  <th>{t('common.status')}</th>
                  <th>{t('trading.entry')}</th>
                  <th className="num">{t('common.price')}</th>
                  <th>{t('trading.exit')}</th>
                  <th className="num">{t('common.price')}</th>
                  <th className="num">{t('common.qty')}</th>
                  <th className="num">{t('common.fee')}</th>
                  <th className="num">{t('common.pnl')}</th>
                  <th>{t('trading.exitReason')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((x) => (
                  <tr key={x.id} data-testid="trade-row">
                    <td>{x.id}</td>
                    <td>{x.pair}</td>
                    <td>{label('tradeStatus', x.status)}</td>
                    <td>{dateTime(x.entryTs)}</td>
                    <td className="num">{price(x.entryPrice)}</td>
                    <td>{dateTime(x.exitTs)}</td>
                    <td className="num">{price(x.exitPrice)}</td>
                    <td className="num">{num(x.qty, 6)}</td>
                    <td className="num">{money(x.fee, 4)}</td>
                    <td className={`num ${tone(x.pnl)}`}>{signedMoney(x.pnl)}</td>
                    <td>{label('exitReason', x.exitReason)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <LoadMore
          hasNext={trades.hasNextPage}
          loading={trades.isFetchingNextPage}
          onMore={() => void trades.fetchNextPage()}
        />
      </Card>
    </>
  );
}
