/**
 * Live mode's start-up (NUMERUSX_MODE=live): the server refuses to start unless the wallet can be
 * decrypted and the Solana RPC is configured (every missing piece listed at once), then builds the
 * Jupiter exchange with the wallet's signer and the live market feed (Jupiter prices, GeckoTerminal
 * candles). Starting the bot still needs an admin's explicit confirmation (bot-runtime.ts).
 */
import {
  JupiterLiveExchange,
  LiveFeed,
  checkLiveReadiness,
  realScheduler,
  type TtlCache,
} from '@numerusx/adapters';
import { ConfigurationError, type Clock } from '@numerusx/core';
import type { LiveConfig } from '../config.js';
import type { FeedFactory } from './feed-factory.js';

export interface LiveSetup {
  readonly exchange: JupiterLiveExchange;
  readonly feeds: FeedFactory;
  /** The quote amount the live bot may trade with. */
  readonly budget: number;
  readonly address: string;
}

export async function prepareLive(
  dataDir: string,
  live: LiveConfig,
  clock: Clock,
  /** Shared answers of the price and candle APIs (Redis when the instances share one). */
  cache?: TtlCache,
): Promise<LiveSetup> {
  const readiness = await checkLiveReadiness({
    dataDir,
    masterKey: live.masterKey,
    rpcUrl: live.rpcUrl,
  });
  const reasons = [...readiness.reasons];
  if (live.budget === undefined) reasons.push('NUMERUSX_LIVE_BUDGET is not set');
  if (!readiness.ready || readiness.signer === undefined || reasons.length > 0) {
    throw new ConfigurationError(`NUMERUSX_MODE=live cannot start: ${reasons.join('; ')}`, {
      variable: 'NUMERUSX_MODE',
      reasons,
    });
  }
  const urls = {
    ...(live.jupiterBaseUrl === undefined ? {} : { jupiterBaseUrl: live.jupiterBaseUrl }),
    ...(live.jupiterApiKey === undefined ? {} : { jupiterApiKey: live.jupiterApiKey }),
  };
  const exchange = new JupiterLiveExchange({
    rpcUrl: live.rpcUrl ?? '',
    ...urls,
    signer: readiness.signer,
    clock,
    scheduler: realScheduler,
  });
  const feeds: FeedFactory = ({ pairs, timeframe }) =>
    Promise.resolve(
      new LiveFeed(
        {
          pairs,
          timeframe,
          ...urls,
          ...(live.geckoBaseUrl === undefined ? {} : { geckoBaseUrl: live.geckoBaseUrl }),
        },
        { clock, ...(cache === undefined ? {} : { cache }) },
      ),
    );
  return { exchange, feeds, budget: live.budget ?? 0, address: exchange.address };
}
