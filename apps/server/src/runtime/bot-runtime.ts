/**
 * One bot's life on this instance: start, stop, emergency stop and re-arm; the lease that makes it
 * run on exactly one instance; the rebuild of its books after a restart; and resuming a bot its
 * owner left running (after a crash, a deploy, or on another instance when this one dies).
 *
 * States: stopped → starting → running → stopping → stopped; `emergency-stopped` until a re-arm;
 * `error` when the loop died (the reason is kept and shown). The desired state is stored, so every
 * instance agrees on what the owner asked for; the lease says who does it.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import {
  Conflict,
  Forbidden,
  NumerusError,
  ValidationError,
  msg,
  type Clock,
} from '@numerusx/core';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { BotLog } from './bot-log.js';
import type { OrderRequestBody, Ticker, TradingConfig } from '@numerusx/contracts';
import type { RunContext, RunHandle } from './bot-run.js';
import { cancelManual, submitManual, type ManualDeps } from './manual-orders.js';
import type { Lease, OrderRow, RuntimeRepository, RuntimeRow } from './runtime.repository.js';
import { wireMsg } from '../db/stored-msg.js';
import { emergencyWhy, errorText, said, status, storedReason, type Said } from './texts.js';

export type RuntimeState =
  'stopped' | 'starting' | 'running' | 'stopping' | 'emergency-stopped' | 'error';

/** What starting a live bot needs: an admin who confirmed, knowing it trades real funds. */
export interface LiveConsent {
  readonly role: 'admin' | 'trader' | 'viewer';
  readonly confirmLive?: boolean | undefined;
}

export interface RuntimeView {
  readonly state: RuntimeState;
  readonly since: number;
  readonly message: Said;
  /** The run on this instance, when there is one. */
  readonly run: RunHandle | undefined;
  /** Another instance holds the lease (and so runs the bot). */
  readonly elsewhere: string | undefined;
}

export interface BotRuntimeDeps {
  readonly botId: string;
  readonly repo: RuntimeRepository;
  readonly audit: AuditService;
  readonly log: BotLog;
  readonly clock: Clock;
  readonly leaseTtlMs: number;
  readonly capital: number;
  /** Builds and runs the loop under a lease (bot-run.ts); resolves once it is running. */
  readonly launch: (ctx: RunContext) => Promise<RunHandle>;
  readonly manual: ManualDeps;
  /** Set in live mode: starting needs an admin's explicit confirmation naming the risk. */
  readonly live?: { readonly address: string } | undefined;
  /** Reports an unexpected failure to the process log. */
  readonly onError: (error: unknown) => void;
}

export class BotRuntime {
  readonly instanceId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private state: RuntimeState = 'stopped';
  private since: number;
  private message = status('stopped');
  private run: RunHandle | undefined;
  private lease: Lease | undefined;
  private renewTimer: NodeJS.Timeout | undefined;
  private standbyTimer: NodeJS.Timeout | undefined;
  private elsewhere: string | undefined;
  private closed = false;
  /** Told of every state change (the server emits `bot:status`). */
  stateListener: (() => void) | undefined;
  /** Serialises start/stop/emergency so two requests cannot interleave their steps. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: BotRuntimeDeps) {
    this.since = deps.clock.now();
  }

  /** The view with the lease read fresh from the database (who runs the bot, if not this one). */
  async freshView(): Promise<RuntimeView> {
    if (this.lease === undefined && !this.closed) {
      const row = await this.row();
      const held =
        row.lease_holder !== null &&
        row.lease_holder !== this.instanceId &&
        (row.lease_expires_at ?? 0) >= this.deps.clock.now();
      this.elsewhere = held ? (row.lease_holder ?? undefined) : undefined;
      // Not running here: an emergency stop or a re-arm made on another instance is the truth.
      if (row.desired_state === 'emergency-stopped' && this.state !== 'emergency-stopped') {
        this.set('emergency-stopped', storedReason(row) ?? status('emergencyInForce'));
      } else if (row.desired_state !== 'emergency-stopped' && this.state === 'emergency-stopped') {
        this.set('stopped', status('rearmed'));
      }
    }
    return this.view();
  }

  view(): RuntimeView {
    return {
      state: this.state,
      since: this.since,
      message: this.message,
      run: this.run,
      elsewhere: this.elsewhere,
    };
  }

  /**
   * At server start: creates the bot's row, shows an emergency stop that is still in force, and
   * resumes a bot left running (now or, while another instance holds it, when its lease expires).
   */
  async init(): Promise<void> {
    const row = await this.deps.repo.ensure(
      this.deps.botId,
      this.deps.capital,
      this.deps.clock.now(),
    );
    if (row.desired_state === 'emergency-stopped') {
      this.set('emergency-stopped', storedReason(row) ?? status('emergencyInForceRearm'));
    }
    this.standbyTimer = setInterval(
      () => void this.standby(),
      Math.max(250, this.deps.leaseTtlMs / 2),
    );
    this.standbyTimer.unref();
    await this.standby();
  }

  start(actor: Actor, reason?: string, live?: LiveConsent): Promise<RuntimeView> {
    return this.serial(async () => {
      if (this.state === 'running' || this.state === 'starting') {
        throw new Conflict('the bot is already running', { state: this.state });
      }
      if (this.deps.live !== undefined) {
        const refusal =
          live?.role !== 'admin'
            ? new Forbidden('live trading: only an admin can start the bot')
            : live.confirmLive !== true
              ? new ValidationError(
                  `live mode trades real funds from wallet ${this.deps.live.address}: ` +
                    'confirm with {"confirmLive": true}',
                  { field: 'confirmLive' },
                )
              : undefined;
        if (refusal !== undefined) {
          await this.audited(actor, 'start', 'denied', reason, refusal);
          throw refusal;
        }
      }
      const row = await this.row();
      if (row.desired_state === 'emergency-stopped') {
        throw new Conflict('an emergency stop is in force: re-arm the bot (POST /bot/rearm) first');
      }
      // The lease first: a start refused because another instance runs the bot must not touch
      // the desired state that instance is honouring.
      try {
        await this.launch();
      } catch (error) {
        await this.audited(actor, 'start', 'failed', reason, error);
        throw error;
      }
      await this.deps.repo.setDesired(this.deps.botId, 'running', null, this.deps.clock.now());
      await this.audited(actor, 'start', 'ok', reason);
      return this.view();
    });
  }

  stop(actor: Actor, reason?: string): Promise<RuntimeView> {
    return this.serial(async () => {
      await this.deps.repo.setDesired(this.deps.botId, 'stopped', null, this.deps.clock.now());
      await this.halt('stopped', status('stoppedByOwner'), {});
      await this.audited(actor, 'stop', 'ok', reason);
      return this.view();
    });
  }

  /**
   * Halts now, cancels working orders, optionally sells every position at the last price, and
   * refuses to start again until re-armed. A bot running on another instance sees the stored
   * state at its next lease renewal (within a third of the lease time) and halts the same way.
   */
  emergencyStop(actor: Actor, options: { closePositions: boolean; reason?: string | undefined }) {
    return this.serial(async () => {
      const whyMsg = emergencyWhy(actor, options.reason);
      const why = said(whyMsg);
      await this.deps.repo.setDesired(
        this.deps.botId,
        'emergency-stopped',
        whyMsg,
        this.deps.clock.now(),
        options.closePositions,
      );
      await this.halt('emergency-stopped', why, {
        emergency: true,
        closePositions: options.closePositions,
      });
      if (this.elsewhere === undefined) this.set('emergency-stopped', why);
      await this.audited(actor, 'emergency_stop', 'ok', options.reason, undefined, {
        closePositions: options.closePositions,
      });
      await this.deps.log.warn(whyMsg, { closePositions: options.closePositions });
      return this.view();
    });
  }

  /** Lifts an emergency stop; the bot stays stopped until started. */
  rearm(actor: Actor, reason?: string): Promise<RuntimeView> {
    return this.serial(async () => {
      const row = await this.row();
      if (row.desired_state !== 'emergency-stopped') {
        throw new Conflict('no emergency stop is in force', { state: row.desired_state });
      }
      await this.deps.repo.setDesired(this.deps.botId, 'stopped', null, this.deps.clock.now());
      this.set('stopped', status('rearmedReady'));
      await this.audited(actor, 'rearm', 'ok', reason);
      return this.view();
    });
  }

  /** The running bot's last price of `pair`, when it runs here and has seen one. */
  ticker(pair: string): Ticker | undefined {
    const run = this.run;
    const last = run?.dex.lastTick(pair);
    if (run === undefined || last === undefined) return undefined;
    const { label, labelMsg } = run.feed.status();
    return { ...last, pair, label, labelMsg: wireMsg(labelMsg) };
  }

  /** A manual order on the running bot (same risk gate and order manager as its decisions). */
  submitOrder(actor: Actor & { id: number }, body: OrderRequestBody): Promise<OrderRow> {
    const { run, lease } = this.running('place an order');
    return submitManual(this.deps.manual, run, lease, actor, body);
  }

  /** Cancels a working order of the running bot. */
  cancelOrder(row: OrderRow): Promise<OrderRow> {
    const { run, lease } = this.running(`cancel order ${row.id}`);
    return cancelManual(this.deps.manual, run, lease, row);
  }

  /** A saved configuration: strategy and risk apply before the next candle; pairs at next start. */
  configChanged(config: TradingConfig): void {
    const run = this.run;
    if (run === undefined) return;
    const samePairs =
      run.config.timeframe === config.timeframe &&
      run.config.pairs.length === config.pairs.length &&
      run.config.pairs.every((p, i) => config.pairs[i] === p);
    if (samePairs) {
      run.dex.reconfigure(config);
      return;
    }
    // Other pairs or timeframe need another feed and books: the run restarts (positions stay).
    void this.serial(async () => {
      if (this.run !== run) return;
      await this.halt('stopped', status('restartingForConfig'), {});
      await this.launch();
    }).catch((e: unknown) => {
      this.deps.onError(e);
    });
  }

  private running(what: string): { run: RunHandle; lease: Lease } {
    if (this.run !== undefined && this.lease !== undefined && this.state === 'running') {
      return { run: this.run, lease: this.lease };
    }
    throw new Conflict(
      this.elsewhere === undefined
        ? `cannot ${what}: the bot is ${this.state}; orders execute on the running bot's exchange, start it first`
        : `cannot ${what} here: the bot runs on instance ${this.elsewhere}`,
      { state: this.state },
    );
  }

  /** Server shutdown: stops the loop and frees the lease; the desired state stays for the next start. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.standbyTimer);
    await this.serial(() => this.halt('stopped', status('serverShutDown'), {}));
  }

  private async launch(): Promise<void> {
    const lease = await this.deps.repo.acquire(
      this.deps.botId,
      this.instanceId,
      this.deps.clock.now(),
      this.deps.leaseTtlMs,
    );
    if (lease === undefined) {
      const row = await this.row();
      throw new Conflict(`the bot runs on another instance (${row.lease_holder ?? 'unknown'})`, {
        holder: row.lease_holder,
      });
    }
    this.lease = lease;
    this.elsewhere = undefined;
    this.set('starting', status('starting'));
    try {
      this.run = await this.deps.launch({
        lease,
        onEnd: (error) => void this.serial(() => this.ended(lease, error)),
      });
    } catch (error) {
      await this.deps.repo.release(lease);
      this.lease = undefined;
      this.set('stopped', status('couldNotStart', { error: errorText(error) }));
      throw error;
    }
    this.renewTimer = setInterval(
      () => void this.renew(lease),
      Math.max(100, this.deps.leaseTtlMs / 3),
    );
    this.renewTimer.unref();
    this.set('running', status('runningOn', { instance: this.instanceId }));
  }

  /** The loop ended by itself: end of replay data, a fatal error, or a lost lease. */
  private async ended(lease: Lease, error: unknown): Promise<void> {
    if (this.lease !== lease) return; // already halted by stop/emergency
    if (error === undefined) {
      await this.halt('stopped', status('feedEnded'), {});
      await this.deps.repo.setDesired(this.deps.botId, 'stopped', null, this.deps.clock.now());
    } else {
      await this.halt('error', status('stoppedOnError', { error: errorText(error) }), {});
      await this.deps.log.error(msg('runtime.log.loopStopped', { error: errorText(error) }), {
        code: error instanceof NumerusError ? error.code : 'INTERNAL_ERROR',
      });
    }
  }

  private async halt(
    state: RuntimeState,
    message: Said,
    how: { emergency?: boolean; closePositions?: boolean },
  ): Promise<void> {
    clearInterval(this.renewTimer);
    const run = this.run;
    const lease = this.lease;
    this.run = undefined;
    this.lease = undefined;
    if (run !== undefined) {
      this.set('stopping', message);
      try {
        await run.stop(how);
      } catch (error) {
        this.deps.onError(error);
      }
    }
    if (lease !== undefined) {
      await this.deps.repo.release(lease).catch((e: unknown) => {
        this.deps.onError(e);
      });
    }
    if (run !== undefined || state !== 'stopped' || this.state !== 'stopped')
      this.set(state, message);
  }

  private async renew(lease: Lease): Promise<void> {
    try {
      const ok = await this.deps.repo.renew(lease, this.deps.clock.now(), this.deps.leaseTtlMs);
      const row = await this.row();
      await this.serial(async () => {
        if (this.lease !== lease) return;
        if (!ok) {
          await this.halt('error', status('leaseLost'), {});
        } else if (row.desired_state === 'emergency-stopped') {
          await this.halt('emergency-stopped', storedReason(row) ?? status('emergency'), {
            emergency: true,
            closePositions: row.close_positions === 1,
          });
        } else if (row.desired_state === 'stopped') {
          await this.halt('stopped', status('stoppedElsewhere'), {});
        }
      });
    } catch (error) {
      this.deps.onError(error);
    }
  }

  /** Resumes a bot its owner left running when no instance holds it. */
  private async standby(): Promise<void> {
    if (this.closed || this.lease !== undefined) return;
    try {
      const row = await this.row();
      const now = this.deps.clock.now();
      const held = row.lease_holder !== null && (row.lease_expires_at ?? 0) >= now;
      this.elsewhere =
        held && row.lease_holder !== this.instanceId ? (row.lease_holder ?? undefined) : undefined;
      if (row.desired_state !== 'running' || held) return;
      await this.serial(async () => {
        if (this.lease !== undefined || this.closed) return;
        await this.launch();
        await this.deps.log.info(msg('runtime.log.resumed', { instance: this.instanceId }));
      });
    } catch (error) {
      if (!(error instanceof Conflict)) this.deps.onError(error);
    }
  }

  /** The bot's row: a plain read on the polled paths (status, renewal, standby); created once. */
  private async row(): Promise<RuntimeRow> {
    const row = await this.deps.repo.find(this.deps.botId);
    return row ?? this.deps.repo.ensure(this.deps.botId, this.deps.capital, this.deps.clock.now());
  }

  private set(state: RuntimeState, message: Said): void {
    if (state !== this.state) this.since = this.deps.clock.now();
    this.state = state;
    this.message = message;
    this.announceState();
  }

  announceState(): void {
    this.stateListener?.();
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private audited(
    actor: Actor,
    action: string,
    outcome: 'ok' | 'failed' | 'denied',
    reason: string | undefined,
    error?: unknown,
    extra?: Record<string, unknown>,
  ): Promise<void> {
    return this.deps.audit.record(actor, `bot.${action}`, outcome, {
      target: `bot:${this.deps.botId}`,
      details: {
        ...(reason === undefined ? {} : { reason }),
        ...(error === undefined ? {} : { error: errorText(error) }),
        ...extra,
      },
    });
  }
}
