export {
  MASTER_KEY_ENV,
  MASTER_KEY_FILE,
  masterKeyPath,
  masterKeySource,
  parseMasterKey,
  resolveMasterKey,
} from './master-key.js';
export type { MasterKey, MasterKeyOptions, MasterKeySource } from './master-key.js';
export { WALLET_FILE, walletPath } from './wallet-file.js';
export type { WalletFile } from './wallet-file.js';
export { importWallet, loadWalletSigner, parseSecretKey, walletInfo } from './wallet.js';
export type { ImportWalletOptions, ImportedWallet, WalletInfo } from './wallet.js';
