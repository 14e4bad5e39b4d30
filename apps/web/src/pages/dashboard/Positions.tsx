/**
 * Open positions. The mark moves with market:tick between portfolio snapshots, so unrealised PnL
 * is recomputed from the live price when the ticker of that asset's pair is known.
 */
import type { PortfolioPosition } from '@numerusx/contracts';
import { useTranslation } from 'react-i18next';
import { useBotStatus, useTicker } from '../../api/queries';
import { Card, Empty } from '../../components/ui';
import { money, num, price, signedMoney, tone } from '../../lib/format';

function Row({ p, pair }: { readonly p: PortfolioPosition; readonly pair: string | null }) {
  const ticker = useTicker(pair);
  const live = pair !== null && ticker.data !== undefined ? ticker.data.price : null;
  const mark = live ?? p.mark;
  const unrealized = (mark - p.avgEntry) * p.qty;
  return (
    <tr data-testid="position">
      <td>{p.asset}</td>
      <td className="num">{num(p.qty, 6)}</td>
      <td className="num">{price(p.avgEntry)}</td>
      <td className="num">{price(mark)}</td>
      <td className="num">{money(mark * p.qty)}</td>
      <td className={`num ${tone(unrealized)}`}>{signedMoney(unrealized)}</td>
      <td className={`num ${tone(p.realizedPnl)}`}>{signedMoney(p.realizedPnl)}</td>
    </tr>
  );
}

export function Positions({ positions }: { readonly positions: readonly PortfolioPosition[] }) {
  const { t } = useTranslation();
  const status = useBotStatus();
  const pairs = status.data?.pairs ?? [];
  const pairOf = (asset: string) => pairs.find((p) => p.startsWith(`${asset}/`)) ?? null;
  return (
    <Card title={t('dashboard.positions')}>
      {positions.length === 0 ? (
        <Empty>{t('dashboard.noPositions')}</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('dashboard.asset')}</th>
                <th className="num">{t('common.qty')}</th>
                <th className="num">{t('dashboard.avgEntry')}</th>
                <th className="num">{t('dashboard.mark')}</th>
                <th className="num">{t('dashboard.value')}</th>
                <th className="num">{t('dashboard.unrealized')}</th>
                <th className="num">{t('dashboard.realized')}</th>
              </tr>
            </thead>
            <tbody>
              {positions.map((p) => (
                <Row key={p.id} p={p} pair={pairOf(p.asset)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
