/** Working orders (cancellable by traders) and the order history, live from order:update. */
import type { OrderView } from '@numerusx/contracts';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/http';
import { flatten } from '../../api/pages';
import { useOrders } from '../../api/queries';
import { hasRole, useUser } from '../../auth/use-session';
import { toast } from '../../components/toasts-store';
import { Card, Empty, ErrorNote, LoadMore } from '../../components/ui';
import { useEnumLabel } from '../../i18n/enum-labels';
import { dateTime, money, num, price } from '../../lib/format';

const WORKING = new Set(['pending', 'open', 'partially-filled']);

function OrderRows({
  orders,
  cancel,
}: {
  readonly orders: readonly OrderView[];
  readonly cancel?: ((id: number) => void) | undefined;
}) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th>#</th>
            <th>{t('common.time')}</th>
            <th>{t('common.pair')}</th>
            <th>{t('common.type')}</th>
            <th>{t('common.side')}</th>
            <th>{t('common.status')}</th>
            <th className="num">{t('common.qty')}</th>
            <th className="num">{t('common.price')}</th>
            <th className="num">{t('trading.filled')}</th>
            <th className="num">{t('common.fee')}</th>
            <th>{t('common.source')}</th>
            {cancel !== undefined && <th />}
          </tr>
        </thead>
        <tbody>
          {orders.map((o) => (
            <tr key={o.id} data-testid="order-row" data-order-id={o.id}>
              <td>{o.id}</td>
              <td>{dateTime(o.createdAt)}</td>
              <td>{o.pair}</td>
              <td>{label('orderType', o.type)}</td>
              <td>
                <span className={`badge act-${o.side}`}>{label('side', o.side)}</span>
              </td>
              <td>
                <span className={`badge st-${o.status}`}>{label('orderStatus', o.status)}</span>
              </td>
              <td className="num">
                {o.qty !== null ? num(o.qty, 6) : o.quoteSize !== null ? money(o.quoteSize) : '—'}
              </td>
              <td className="num">{price(o.limitPrice ?? o.stopPrice)}</td>
              <td className="num">
                {o.filledQty === 0 ? '—' : `${num(o.filledQty, 6)} @ ${price(o.avgFillPrice)}`}
              </td>
              <td className="num">{money(o.fee, 4)}</td>
              <td>{label('orderSource', o.source)}</td>
              {cancel !== undefined && (
                <td>
                  <button
                    type="button"
                    className="btn"
                    onClick={() => {
                      cancel(o.id);
                    }}
                  >
                    {t('trading.cancel')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function OrdersPanel() {
  const { t } = useTranslation();
  const user = useUser();
  const orders = useOrders();
  const all = flatten(orders.data);
  const working = all.filter((o) => WORKING.has(o.status));
  const cancel = useMutation({
    mutationFn: (id: number) => api.del<OrderView>(`/orders/${id}`),
    onSuccess(o) {
      toast('success', t('trading.cancelled', { id: o.id }));
    },
  });
  return (
    <>
      <Card title={t('trading.openOrders')} testId="open-orders">
        <ErrorNote error={orders.error ?? cancel.error} />
        {working.length === 0 ? (
          <Empty>{t('trading.noOpenOrders')}</Empty>
        ) : (
          <OrderRows
            orders={working}
            cancel={
              hasRole(user, 'trader')
                ? (id) => {
                    cancel.mutate(id);
                  }
                : undefined
            }
          />
        )}
      </Card>
      <Card title={t('trading.orderHistory')} testId="order-history">
        {all.length === 0 ? <Empty>{t('trading.noOpenOrders')}</Empty> : <OrderRows orders={all} />}
        <LoadMore
          hasNext={orders.hasNextPage}
          loading={orders.isFetchingNextPage}
          onMore={() => void orders.fetchNextPage()}
        />
      </Card>
    </>
  );
}
