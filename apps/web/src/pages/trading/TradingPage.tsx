/** Market chart, manual orders (traders), working orders, order and trade history. */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { flatten } from '../../api/pages';
import { useBotStatus, useCandles, usePairs, useTicker, useTrades } from '../../api/queries';
import { hasRole, useUser } from '../../auth/use-session';
import { Card, ErrorNote } from '../../components/ui';
import { useEnumLabel } from '../../i18n/enum-labels';
import { useServerText } from '../../i18n/server-text';
import { dateTime, price } from '../../lib/format';
import { CandleChart } from './CandleChart';
import { OrdersPanel } from './OrdersPanel';
import { OrderTicket } from './OrderTicket';
import { TradesPanel } from './TradesPanel';

const FRAMES: Readonly<Record<string, number>> = {
  '5m': 300_000,
  '15m': 900_000,
  '1h': 3_600_000,
  '4h': 14_400_000,
  '1d': 86_400_000,
};

export default function TradingPage() {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const serverText = useServerText();
  const user = useUser();
  const status = useBotStatus();
  const pairsQ = usePairs();
  const pairs = useMemo(
    () => [...new Set((pairsQ.data?.items ?? []).map((d) => d.pair))],
    [pairsQ.data],
  );
  const botPair = status.data?.pairs[0] ?? 'SOL/USDT';
  const [pair, setPair] = useState<string | null>(null);
  const [timeframe, setTimeframe] = useState<string | null>(null);
  const shownPair = pair ?? botPair;
  const shownFrame = timeframe ?? '1h';
  // Candles are read up to the market time when the view was chosen; live ones follow.
  const [anchor, setAnchor] = useState<number | null | undefined>(undefined);
  const marketTime = status.data?.marketTime;
  useEffect(() => {
    if (anchor === undefined && marketTime !== undefined) setAnchor(marketTime);
  }, [anchor, marketTime]);
  const candles = useCandles(shownPair, shownFrame, anchor ?? null);
  const ticker = useTicker(shownPair);
  // Where prices come from: the bot's feed once its ticker was fetched (a tick alone carries no
  // label, only a source id), else the recorded candles drawn.
  const labelled = ticker.data?.labelMsg != null ? ticker.data : candles.data;
  const trades = flatten(useTrades({ pair: shownPair }).data);
  const choose = (p: string, tf: string) => {
    setPair(p);
    setTimeframe(tf);
    setAnchor(status.data?.marketTime ?? null);
  };

  return (
    <div className="page">
      <h1>{t('trading.title')}</h1>
      <Card
        title={
          <span data-testid="ticker">
            {shownPair} ·{' '}
            {ticker.data === undefined
              ? t('trading.noTicker')
              : `${price(ticker.data.price)} (${dateTime(ticker.data.ts)})`}
          </span>
        }
        actions={
          <>
            <select
              aria-label={t('common.pair')}
              value={shownPair}
              onChange={(e) => {
                choose(e.target.value, shownFrame);
              }}
            >
              {pairs.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
            <select
              aria-label={t('trading.timeframe')}
              value={shownFrame}
              onChange={(e) => {
                choose(shownPair, e.target.value);
              }}
            >
              {Object.keys(FRAMES).map((f) => (
                <option key={f} value={f}>
                  {label('timeframe', f)}
                </option>
              ))}
            </select>
          </>
        }
      >
        {labelled !== undefined && (
          <p className="muted">
            {t('trading.dataNote', { label: serverText(labelled.label, labelled.labelMsg) })}
          </p>
        )}
        <ErrorNote error={candles.error} />
        {anchor !== undefined && (
          <CandleChart
            candles={candles.data?.candles ?? []}
            pair={shownPair}
            timeframe={shownFrame}
            frameMs={FRAMES[shownFrame] ?? 3_600_000}
            trades={trades}
            label={`${shownPair} ${label('timeframe', shownFrame)}`}
          />
        )}
      </Card>
      {hasRole(user, 'trader') && (
        <OrderTicket
          key={shownPair}
          pairs={pairs.length === 0 ? [botPair] : pairs}
          defaultPair={shownPair}
        />
      )}
      <OrdersPanel />
      <TradesPanel pairs={pairs} />
    </div>
  );
}
