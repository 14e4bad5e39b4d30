export { DEFAULT_JUPITER_SWAP_URL, JupiterSwapClient } from './swap-api.js';
export type {
  JupiterSwapOptions,
  PriorityLevel,
  QuoteRequest,
  SwapMode,
  SwapQuote,
  SwapRequest,
  SwapTransaction,
} from './swap-api.js';
export { SolanaRpcClient } from './rpc.js';
export type { SignatureStatus, SimulationResult, SolanaRpcOptions } from './rpc.js';
export { KNOWN_TOKENS, NATIVE_SOL_MINT, findToken, resolvePair } from './tokens.js';
export type { PairTokens, TokenInfo, TokenTrust } from './tokens.js';
export { executeSwap, planSwap, summariseLogs } from './execute.js';
export type { LiveFill, SwapDeps, SwapOrder, SwapSettings, SwapSide } from './execute.js';
export { readFill } from './fill.js';
export type { ChainFill } from './fill.js';
export { checkPairSafety } from './safety.js';
export type { SafetyCheck, SafetyDeps, SafetyLimits, SafetyReport, SafetyVeto } from './safety.js';
export { SOLANA_RPC_URL_ENV, checkLiveReadiness } from './readiness.js';
export type { LiveReadiness, LiveReadinessOptions } from './readiness.js';
export { JupiterLiveExchange } from './live-exchange.js';
export type { LiveExchangeOptions } from './live-exchange.js';
