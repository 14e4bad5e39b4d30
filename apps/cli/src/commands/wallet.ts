/**
 * `numerusx wallet import|show`: the live-trading wallet, encrypted at rest in the data dir. The
 * secret key comes from standard input only (never an argument: shell history, ps), and nothing
 * this command prints contains the secret or the master key.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { readStdinSecret } from '../stdin-secret.js';
import { NotFound } from '@numerusx/core';
import { MASTER_KEY_ENV, importWallet, masterKeySource, walletInfo } from '@numerusx/adapters';

/** As the server's loadConfig resolves it: NUMERUSX_DATA_DIR, empty counts as unset, ./data. */
function dataDir(): string {
  const value = process.env['NUMERUSX_DATA_DIR'];
  return resolve(value === undefined || value === '' ? './data' : value);
}

function readSecret(): Promise<string> {
  return readStdinSecret('secret key', 'numerusx wallet import < ~/.config/solana/id.json');
}

function describeKey(source: { source: string; path?: string }): string {
  return source.source === 'env'
    ? `environment variable ${MASTER_KEY_ENV}`
    : `key file ${source.path ?? ''}`;
}

export function registerWalletCommand(program: Command): void {
  const wallet = program
    .command('wallet')
    .description(
      'The live-trading wallet, encrypted in the data dir (secret key on standard input)',
    );
  wallet
    .command('import')
    .description(
      "Encrypt and store a Solana keypair (solana-keygen's JSON array or base58) read from standard input",
    )
    .option('--force', 'replace an existing wallet')
    .action(async (opts: { force?: boolean }) => {
      const secret = await readSecret();
      const imported = await importWallet({
        dataDir: dataDir(),
        secret,
        masterKey: process.env[MASTER_KEY_ENV],
        clock: { now: () => Date.now() },
        replace: opts.force === true,
      });
      const key = masterKeySource({ dataDir: dataDir(), masterKey: process.env[MASTER_KEY_ENV] });
      process.stdout.write(
        `imported wallet ${imported.address}\n` +
          `  file: ${imported.path}\n` +
          `  master key: ${describeKey(key)}\n` +
          `  keep the master key safe: without it the wallet cannot be decrypted\n`,
      );
    });
  wallet
    .command('show')
    .description('Show the wallet address, file, creation time and where the master key comes from')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const info = await walletInfo(dataDir());
      if (info === undefined) {
        throw new NotFound(
          `no wallet in ${dataDir()}; import one with \`numerusx wallet import < keypair.json\``,
        );
      }
      const key = masterKeySource({ dataDir: dataDir(), masterKey: process.env[MASTER_KEY_ENV] });
      if (opts.json === true) {
        process.stdout.write(
          `${JSON.stringify({ ...info, masterKey: { source: key.source, ...(key.path === undefined ? {} : { path: key.path }) } }, null, 2)}\n`,
        );
        return;
      }
      process.stdout.write(
        `address:    ${info.address}\n` +
          `file:       ${info.path}\n` +
          `created at: ${info.createdAt}\n` +
          `master key: ${describeKey(key)}\n`,
      );
    });
}
