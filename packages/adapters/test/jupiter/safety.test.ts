import { describe, expect, it } from 'vitest';
import { onlyLoopback } from '../ai/fake-http.js';
import type { MintScript } from './fake-rpc.js';
import { RUG_MINT, SOL, USDC, world } from './setup.js';

onlyLoopback();

const ISSUER = 'BJE5MMbqXjVwjAF7oxwPYXnTXDyspzZyt4vwenNw5ruG'; // stands in for Circle's authority
const DEV = 'GRx9Jm6pERXCJ2CW5RUdnQpTA8ooVEQ4ua4QkRZwtmqd';

/** A token nobody controls, its supply spread out: top 10 hold 30 % (10 × 30 of 1,000). */
const clean: MintScript = {
  mintAuthority: null,
  freezeAuthority: null,
  decimals: 6,
  supply: '1000',
  largest: Array.from({ length: 20 }, () => '30'),
};

const baseMints: Record<string, MintScript> = {
  [USDC]: { ...clean, mintAuthority: ISSUER, freezeAuthority: ISSUER }, // allowlisted
  [SOL]: { ...clean, decimals: 9 },
};

interface SafetyCase {
  readonly name: string;
  readonly rug: MintScript | undefined;
  readonly priceImpactPct?: string;
  /** `check: words in the message`, or [] for a pass. */
  readonly vetoes: readonly (readonly [string, RegExp])[];
}

const cases: SafetyCase[] = [
  { name: 'a clean, liquid token passes', rug: clean, vetoes: [] },
  {
    name: 'freeze authority set → veto (a honeypot: you could buy but not sell)',
    rug: { ...clean, freezeAuthority: DEV },
    vetoes: [['freeze-authority', /freeze authority GRx9.*can freeze your RUG/]],
  },
  {
    name: 'mint authority set → veto (unlimited dilution)',
    rug: { ...clean, mintAuthority: DEV },
    vetoes: [['mint-authority', /can mint unlimited new RUG/]],
  },
  {
    name: 'top 10 hold 72.6 % → veto (600 + 9 × 14 = 726 of 1,000; max 50 %)',
    rug: { ...clean, largest: ['600', ...Array.from({ length: 19 }, () => '14')] },
    vetoes: [
      [
        'holder-concentration',
        /10 largest RUG accounts hold 72\.6 % of the supply \(max 50\.0 %\)/,
      ],
    ],
  },
  {
    name: 'a 1,000 USDC probe moving the price 4 % → veto (max 1 %)',
    rug: clean,
    priceImpactPct: '0.04',
    vetoes: [['liquidity', /moves the price 4\.00 % \(max 1\.00 %\)/]],
  },
  {
    name: 'a Token-2022 permanent delegate → veto',
    rug: { ...clean, extensions: [{ extension: 'permanentDelegate' }] },
    vetoes: [['token-extensions', /permanent delegate can transfer or burn/]],
  },
  {
    name: 'no mint account → veto',
    rug: undefined,
    vetoes: [['mint-account', /no account at mint RP2E/]],
  },
];

describe('token safety checks over the fake RPC and Jupiter', () => {
  it.each(cases)('$name', async (c) => {
    const mints = { ...baseMints, ...(c.rug === undefined ? {} : { [RUG_MINT]: c.rug }) };
    const w = await world({
      rpc: { mints },
      jupiter: c.priceImpactPct === undefined ? {} : { priceImpactPct: c.priceImpactPct },
    });
    const report = await w.exchange.checkSafety('RUG/USDC');
    expect(report.ok).toBe(c.vetoes.length === 0);
    expect(report.vetoes.map((v) => v.check)).toEqual(c.vetoes.map(([check]) => check));
    report.vetoes.forEach((v, i) => {
      expect(v.message).toMatch(c.vetoes[i]![1]);
    });
  });

  it('allowlists USDC for its issuer authorities and says so; SOL/USDC passes', async () => {
    const w = await world({ rpc: { mints: baseMints } });
    const report = await w.exchange.checkSafety('SOL/USDC');
    expect(report).toMatchObject({ ok: true, vetoes: [] });
    expect(report.skipped).toContainEqual({
      check: 'freeze-authority',
      token: 'USDC',
      message: 'USDC is an issuer-controlled stablecoin (allowlisted)',
    });
    // The liquidity probe was a real quote for 1,000 USDC.
    expect(w.jupiter.requests[0]?.path).toContain('amount=1000000000');
  });
});
