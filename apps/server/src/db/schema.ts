/**
 * Table types for Kysely. Times are integer milliseconds UTC; JSON documents are stored as text
 * (the same on SQLite and PostgreSQL); ids are integers from the database.
 */
import type { ColumnType, Generated } from 'kysely';

/**
 * JSON of a message descriptor (core's `Msg`) beside the English text it renders to; null when the
 * text has none. Optional on insert: writers that predate messages (and tests) leave it out.
 */
export type MsgColumn = ColumnType<string | null, string | null | undefined, string | null>;

export type Role = 'admin' | 'trader' | 'viewer';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  role: Role;
  /** 0 or 1: a disabled user cannot log in and all its sessions are revoked. */
  disabled: number;
  created_at: number;
  updated_at: number;
  password_changed_at: number;
}

export interface RefreshTokensTable {
  id: Generated<number>;
  user_id: number;
  /** SHA-256 of the opaque token: a stolen database does not yield usable tokens. */
  token_hash: string;
  /** All tokens rotated from one login share a family; reuse of a spent one revokes it whole. */
  family_id: string;
  created_at: number;
  expires_at: number;
  /** Set when rotated (spent) or revoked. */
  used_at: number | null;
  revoked_at: number | null;
  /** The access token issued with this refresh token, revoked with the session. */
  access_jti: string | null;
  access_expires_at: number | null;
  ip: string | null;
  user_agent: string | null;
}

export interface RevokedTokensTable {
  jti: string;
  expires_at: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  ts: number;
  actor_id: number | null;
  actor_name: string | null;
  ip: string | null;
  action: string;
  target: string | null;
  outcome: 'ok' | 'denied' | 'failed';
  /** JSON: before/after for config changes, reasons for failures. */
  details: string | null;
}

export interface BotConfigTable {
  id: Generated<number>;
  bot_id: string;
  version: number;
  /** JSON of the trading configuration. */
  config: string;
  created_at: number;
  created_by: number | null;
}

export interface OrdersTable {
  id: Generated<number>;
  client_id: string;
  bot_id: string;
  pair: string;
  side: 'buy' | 'sell';
  type: string;
  status: string;
  qty: number | null;
  quote_size: number | null;
  limit_price: number | null;
  stop_price: number | null;
  filled_qty: number;
  avg_fill_price: number | null;
  fee: number;
  source: 'bot' | 'manual';
  decision_id: number | null;
  created_by: number | null;
  /** JSON: the full order request and state history. */
  details: string | null;
  created_at: number;
  updated_at: number;
}

export interface TradesTable {
  id: Generated<number>;
  bot_id: string;
  pair: string;
  side: 'buy' | 'sell';
  entry_ts: number;
  entry_price: number;
  exit_ts: number | null;
  exit_price: number | null;
  qty: number;
  fee: number;
  pnl: number | null;
  exit_reason: string | null;
  order_id: number | null;
  decision_id: number | null;
  created_at: number;
}

export interface PositionsTable {
  id: Generated<number>;
  bot_id: string;
  asset: string;
  qty: number;
  avg_entry: number;
  mark: number;
  realized_pnl: number;
  updated_at: number;
  /** The market (e.g. SOL/USDT) the position is held in; `asset` is its base. */
  pair: string | null;
  /** Protective levels the position monitor enforces on every tick (null: none). */
  stop_loss: number | null;
  take_profit: number | null;
  trail_pct: number | null;
  /** Highest price since entry, for the trailing stop. */
  high_water: number | null;
}

export interface FillsTable {
  id: Generated<number>;
  bot_id: string;
  order_id: number;
  /** 1, 2, … per order: (order_id, seq) is unique, so a retried write cannot book a fill twice. */
  seq: number;
  ts: number;
  pair: string;
  side: 'buy' | 'sell';
  qty: number;
  price: number;
  fee: number;
  slippage: number;
  exit_reason: string | null;
  /** The venue's id of the execution (a Solana signature live), null on paper. */
  external_id: string | null;
}

export interface BotRuntimeTable {
  bot_id: string;
  /** What the owner asked for; a restarted server resumes a bot left `running`. */
  desired_state: 'running' | 'stopped' | 'emergency-stopped';
  /** Starting cash of the paper ledger (quote currency). */
  capital: number;
  /** JSON {pair: open time of the last candle processed}: where a restarted replay resumes. */
  cursor: string;
  /** Instance holding the lease, its fencing token (bumped at every acquisition) and expiry. */
  lease_holder: string | null;
  lease_token: number;
  lease_expires_at: number | null;
  /** Why the bot is in its state (emergency reason, error), for the status. */
  state_reason: string | null;
  state_reason_msg: MsgColumn;
  /** 1: the emergency stop asked to sell every position (done by whichever instance runs it). */
  close_positions: number;
  updated_at: number;
}

export interface PortfolioSnapshotsTable {
  id: Generated<number>;
  bot_id: string;
  ts: number;
  cash: number;
  positions_value: number;
  equity: number;
  realized_pnl: number;
  unrealized_pnl: number;
  fees: number;
}

export interface AiDecisionsTable {
  id: Generated<number>;
  bot_id: string;
  ts: number;
  pair: string;
  action: 'buy' | 'sell' | 'hold';
  size_usd: number;
  stop_loss: number | null;
  take_profit: number | null;
  confidence: number;
  reasoning: string;
  reasoning_msg: MsgColumn;
  /** JSON arrays/objects. */
  steps: string;
  inputs: string;
  prompt: string | null;
  raw_response: string | null;
  provider: string;
  model: string | null;
  regime: string | null;
  tokens_in: number | null;
  tokens_out: number | null;
  cost_usd: number | null;
  latency_ms: number | null;
  validation: string;
  status: 'PENDING' | 'EXECUTED' | 'VETOED' | 'FAILED' | 'HOLD';
  risk_verdict: string | null;
  order_id: number | null;
  outcome: string | null;
}

export interface LogsTable {
  id: Generated<number>;
  ts: number;
  level: 'debug' | 'info' | 'warn' | 'error';
  source: string;
  message: string;
  message_msg: MsgColumn;
  bot_id: string | null;
  details: string | null;
}

export interface BacktestsTable {
  id: Generated<number>;
  created_at: number;
  created_by: number | null;
  status: 'queued' | 'running' | 'done' | 'failed';
  strategy: string;
  /** JSON: the request (strategy params, data, dates, fees). */
  request: string;
  /** JSON: DESIGN §3's backtest result once done. */
  result: string | null;
  error: string | null;
  finished_at: number | null;
}

export interface Database {
  users: UsersTable;
  refresh_tokens: RefreshTokensTable;
  revoked_tokens: RevokedTokensTable;
  audit_log: AuditLogTable;
  bot_config: BotConfigTable;
  orders: OrdersTable;
  trades: TradesTable;
  positions: PositionsTable;
  portfolio_snapshots: PortfolioSnapshotsTable;
  ai_decisions: AiDecisionsTable;
  logs: LogsTable;
  backtests: BacktestsTable;
  fills: FillsTable;
  bot_runtime: BotRuntimeTable;
}
