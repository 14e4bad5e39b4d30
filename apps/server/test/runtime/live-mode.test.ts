/**
 * Live mode end to end on a fake chain: the server refuses to start without wallet, RPC and
 * budget; a trader cannot start it and an admin must confirm; a manual market buy becomes a Jupiter
 * quote → a transaction signed by the imported wallet → simulated, sent, confirmed by the fake
 * Solana RPC (which verifies the signature) → the fill booked from the chain's balances, with the
 * signature on the stored fill.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importWallet } from '@numerusx/adapters';
import { ConfigurationError, SimulatedClock } from '@numerusx/core';
import { startFake, type FakeServer } from '../../../../packages/adapters/test/ai/fake-http.js';
import {
  ohlcvBody,
  route,
  type OhlcvRow,
} from '../../../../packages/adapters/test/feeds/fake-markets.js';
import {
  defaultJupiterScript,
  startFakeJupiter,
} from '../../../../packages/adapters/test/jupiter/fake-jupiter.js';
import {
  startFakeRpc,
  type FakeRpc,
  type LandedMeta,
  type MintScript,
} from '../../../../packages/adapters/test/jupiter/fake-rpc.js';
import { KNOWN_TOKENS } from '@numerusx/adapters';
import { loadConfig, startServer } from '../../src/index.js';
import { expectError } from '../modules/helpers.js';
import { ADMIN_PASSWORD, Client, userClient, type TestServer } from '../support/server.js';

const SOL = KNOWN_TOKENS[0]!.mint;
const USDC = KNOWN_TOKENS[1]!.mint;
const USDC_ATA = '3dJxgkKAECkG6C9iDDCcsXKYisW13DzAeDPQntVB2Bmr';
const MEMO = 'MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr';
const H = 3_600_000;

/** 100 USDC out of the wallet, 0.679 SOL in, 15,000 lamports of fees: what the chain recorded. */
function boughtSol(wallet: string): LandedMeta {
  return {
    accountKeys: [wallet, USDC_ATA, MEMO],
    fee: 15_000,
    preBalances: [2_000_000_000, 2_039_280, 1],
    postBalances: [2_000_000_000 + 679_000_000 - 15_000, 2_039_280, 1],
    preTokenBalances: [
      { accountIndex: 1, mint: USDC, owner: wallet, amount: '500000000', decimals: 6 },
    ],
    postTokenBalances: [
      { accountIndex: 1, mint: USDC, owner: wallet, amount: '400000000', decimals: 6 },
    ],
  };
}

const CLEAN: MintScript = {
  mintAuthority: null,
  freezeAuthority: null,
  decimals: 9,
  supply: '1000',
  largest: Array.from({ length: 20 }, () => '30'),
};

/** 300 closed hourly SOL/USDC candles ending before now, newest first as GeckoTerminal lists them. */
function candles(): OhlcvRow[] {
  const last = Math.floor(Date.now() / H) * H - H;
  return Array.from({ length: 300 }, (_, i) => {
    const p = 147 + Math.sin(i / 7) * 3;
    return [(last - i * H) / 1000, p, p + 1, p - 1, p + 0.2, 50_000] as const;
  });
}

/** A Solana keypair as solana-keygen writes it: 64 bytes, seed then public key. */
function keygenSecret(): string {
  const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  const seed = Buffer.from(jwk.d ?? '', 'base64url');
  const pub = Buffer.from(jwk.x ?? '', 'base64url');
  return JSON.stringify([...seed, ...pub]);
}

describe('live mode on a fake Jupiter and a fake Solana RPC', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nx-live-'));
  const masterKey = randomBytes(32).toString('hex');
  let jupiter: FakeServer;
  let gecko: FakeServer;
  let rpc: FakeRpc;
  let env: Record<string, string>;
  let t: TestServer | undefined;
  beforeAll(async () => {
    jupiter = await startFakeJupiter({
      ...defaultJupiterScript(),
      prices: { [SOL]: 147.2, [USDC]: 1 },
    });
    gecko = await startFake(
      route(
        () => ({ json: {} }),
        () => ({ json: ohlcvBody(candles()) }),
      ),
    );
    rpc = await startFakeRpc({
      blockHeight: 900,
      heightStep: 1,
      landAfterPolls: 1,
      mints: {
        [SOL]: CLEAN,
        [USDC]: { ...CLEAN, decimals: 6, mintAuthority: MEMO, freezeAuthority: MEMO },
      },
      meta: boughtSol,
    });
    env = {
      NUMERUSX_DATA_DIR: dataDir,
      PORT: '0',
      NUMERUSX_ADMIN_PASSWORD: ADMIN_PASSWORD,
      LOG_LEVEL: 'silent',
      NUMERUSX_MODE: 'live',
      NUMERUSX_LIVE_BUDGET: '1000',
      NUMERUSX_MASTER_KEY: masterKey,
      JUPITER_BASE_URL: jupiter.url,
      GECKO_BASE_URL: gecko.url,
    };
  });
  afterAll(async () => {
    await t?.server.close();
    await Promise.all([jupiter.close(), gecko.close(), rpc.close()]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses to start without a wallet and an RPC, naming both', async () => {
    const refused = startServer(loadConfig(env));
    await expect(refused).rejects.toBeInstanceOf(ConfigurationError);
    await expect(refused).rejects.toThrow(/wallet/i);
    await expect(refused).rejects.toThrow(/SOLANA_RPC_URL/);
    expect(() => loadConfig({ ...env, NUMERUSX_LIVE_BUDGET: '' })).toThrow(/NUMERUSX_LIVE_BUDGET/);
  });

  it('admin-confirmed start, then a market buy: quote → sign → send → confirm → fill booked from the chain', async () => {
    const wallet = await importWallet({
      dataDir,
      secret: keygenSecret(),
      masterKey,
      clock: new SimulatedClock(Date.now()),
    });
    const server = await startServer(loadConfig({ ...env, SOLANA_RPC_URL: rpc.url }));
    t = { url: server.url, api: `${server.url}/api/v1`, server } as TestServer;
    const admin = new Client(t.api);
    expect((await admin.login('admin', ADMIN_PASSWORD)).status).toBe(200);
    const trader = await userClient(t, admin, 'live-trader', 'trader');
    const config = { strategy: { id: 'momentum' }, pairs: ['SOL/USDC'] };
    expect((await admin.request('PUT', '/bot/config', { body: config })).status).toBe(200);

    expectError(await trader.request('POST', '/bot/start'), 403, 'FORBIDDEN');
    const unconfirmed = await admin.request('POST', '/bot/start');
    expectError(unconfirmed, 400, 'VALIDATION_ERROR');
    expect((unconfirmed.body['error'] as { message: string }).message).toContain(wallet.address);
    const started = await admin.request('POST', '/bot/start', { body: { confirmLive: true } });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body).toMatchObject({ state: 'running', mode: 'live' });
    expect((started.body['feed'] as { label: string }).label).toMatch(
      /Jupiter price \+ GeckoTerminal/,
    );

    const limit = { type: 'limit', pair: 'SOL/USDC', side: 'buy', quoteAmount: 50, price: 100 };
    expectError(await trader.request('POST', '/orders', { body: limit }), 501, 'NOT_AVAILABLE');

    const buy = await trader.request('POST', '/orders', {
      body: {
        type: 'market',
        pair: 'SOL/USDC',
        side: 'buy',
        quoteAmount: 100,
        clientId: 'first-live-buy',
      },
    });
    expect(buy.status, JSON.stringify(buy.body)).toBe(201);
    expect(buy.body).toMatchObject({
      clientId: 'first-live-buy',
      status: 'filled',
      filledQty: 0.679,
    });
    expect(buy.body['avgFillPrice']).toBeCloseTo(100 / 0.679, 9); // the chain's price, not the quote's
    expect(rpc.record.sent.length).toBeGreaterThan(0); // a signature-verified transaction was sent
    expect(rpc.record.rejected).toEqual([]);

    const fills = await server.db.kysely.selectFrom('fills').selectAll().execute();
    expect(fills).toHaveLength(1);
    expect(fills[0]).toMatchObject({ side: 'buy', qty: 0.679, external_id: rpc.record.sent[0] });
    const trades = await trader.request('GET', '/trades');
    expect(trades.body['items']).toMatchObject([{ pair: 'SOL/USDC', qty: 0.679, status: 'open' }]);
    const overview = await trader.request('GET', '/portfolio/overview');
    // 1,000 budget − 100 USDC − the network fee (15,000 lamports at the fill's SOL price)
    expect(overview.body['cash']).toBeCloseTo(1000 - 100 - 0.000015 * (100 / 0.679), 6);
    expect((await admin.request('POST', '/bot/stop')).status).toBe(200);
  });
});
