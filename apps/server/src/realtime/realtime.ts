/**
 * The realtime layer (DESIGN §3): Socket.io on the API's HTTP server at `/socket.io`. Handshakes are
 * checked (handshake.ts); a socket is dropped when its token expires or is revoked; clients join
 * channels with acked `subscribe` (channels.ts); every emitted payload is checked against its
 * contract schema. A client that drops for under 2 minutes gets what it missed (connection-state
 * recovery). With Redis, the Redis Streams adapter carries events, disconnects and recovery
 * sessions across instances.
 */
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Redis } from 'ioredis';
import { Value } from '@sinclair/typebox/value';
import { ServerEvents, type ServerEventName, type ServerEventPayload } from '@numerusx/contracts';
import { english, msg, type Clock } from '@numerusx/core';
import type { AccessTokens } from '../auth/access-tokens.js';
import { wireMsg } from '../db/stored-msg.js';
import type { TokenRevocation } from '../auth/revocation.js';
import type { Metrics } from '../system/metrics.js';
import { handleChannels, jtiRoom, mayStayIn, rooms, type Room } from './channels.js';
import { authenticateHandshake } from './handshake.js';
import type { RealtimeLogger, RealtimeServer, RealtimeSocket } from './types.js';

export const SOCKET_PATH = '/socket.io';
/** How long a dropped client can be away and still be sent what it missed. */
export const RECOVERY_WINDOW_MS = 2 * 60_000;

export interface RealtimeDeps {
  readonly accessTokens: AccessTokens;
  readonly revocation: TokenRevocation;
  readonly metrics: Metrics;
  readonly clock: Clock;
  /** When set, events, disconnects and recovery sessions are shared through Redis Streams. */
  readonly redis?: Redis | undefined;
  /** Stream, pub/sub channel and session-key prefix in Redis (one per deployment or test). */
  readonly redisNamespace?: string | undefined;
  /** Origins allowed for the long-polling transport (the dashboard itself is same-origin). */
  readonly corsOrigins?: readonly string[] | undefined;
  /** How often connected tokens are re-checked against the revocation store (30 s by default). */
  readonly revocationSweepMs?: number | undefined;
}

export interface Realtime {
  /** Serves Socket.io on `httpServer` (Fastify's `app.server`) and logs to `logger`. */
  attach(httpServer: HttpServer, logger: RealtimeLogger): void;
  /**
   * Sends `event` to `room` (every client when null), on every instance. The payload is checked
   * against its schema first: a payload that does not match is logged and dropped (false), so a
   * bug in a producer never reaches clients nor stops the producer.
   */
  emit<E extends ServerEventName>(
    room: Room | null,
    event: E,
    payload: ServerEventPayload<E>,
  ): boolean;
  /** Sockets connected to this instance. */
  connectedCount(): number;
  /** Disconnects every socket (recoverable on another instance), stops the adapter and the HTTP server. */
  close(): Promise<void>;
}

const silent: RealtimeLogger = { debug() {}, info() {}, warn() {}, error() {} };

/** setTimeout's limit (~24.8 days). Access tokens live minutes; this only keeps the timer valid. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export async function createRealtime(deps: RealtimeDeps): Promise<Realtime> {
  let logger = silent;
  const log = () => logger;
  const namespace = deps.redisNamespace ?? 'nx:sio';
  // The adapter blocks one connection on XREAD and subscribes another (it duplicates what it is
  // given); publishing goes on a connection of its own so the app's commands never queue behind it.
  const adapterClient = deps.redis?.duplicate();
  // ioredis reconnects by itself and the adapter resumes its stream; say so instead of crashing.
  adapterClient?.on('error', (error: unknown) => {
    logger.warn({ err: error }, 'socket adapter: Redis connection error');
  });
  if (adapterClient !== undefined && adapterClient.status === 'wait') await adapterClient.connect();

  const io: RealtimeServer = new Server({
    path: SOCKET_PATH,
    serveClient: false,
    // Clients only send small subscribe requests.
    maxHttpBufferSize: 16 * 1024,
    connectionStateRecovery: {
      maxDisconnectionDuration: RECOVERY_WINDOW_MS,
      skipMiddlewares: false,
    },
    ...(deps.corsOrigins !== undefined && deps.corsOrigins.length > 0
      ? { cors: { origin: [...deps.corsOrigins], credentials: true } }
      : {}),
    ...(adapterClient !== undefined
      ? {
          adapter: createAdapter(adapterClient, {
            streamName: namespace,
            channelPrefix: namespace,
            sessionKeyPrefix: `${namespace}:session:`,
          }),
        }
      : {}),
  });
  refuseRevokedRecoveries(io, deps.revocation);
  io.use(authenticateHandshake({ ...deps, logger: log }));

  /** `local`: to this instance's sockets only, without publishing to the other instances. */
  function emit<E extends ServerEventName>(
    room: string | null,
    event: E,
    payload: ServerEventPayload<E>,
    local = false,
  ): boolean {
    if (!Value.Check(ServerEvents[event], payload)) {
      const first = Value.Errors(ServerEvents[event], payload).First();
      logger.error(
        { event, path: first?.path, problem: first?.message },
        'dropped a socket event that does not match its schema',
      );
      return false;
    }
    const base = local ? io.local : io;
    const target = room === null ? base : base.to(room);
    // socket.io's types cannot relate a generic event name to its payload; the typed signature of
    // emit and the schema check above are what guarantee the pair.
    const send = target.emit.bind(target) as (ev: ServerEventName, payload: unknown) => boolean;
    send(event, payload);
    deps.metrics.socketEvents.inc({ event });
    return true;
  }

  /** Tells the sockets of `room` why, then disconnects them for good (not recoverable). */
  function endSessions(
    room: string,
    code: 'token_expired' | 'session_revoked',
    local = false,
  ): void {
    const messageMsg = msg(
      code === 'token_expired' ? 'runtime.alert.tokenExpired' : 'runtime.alert.sessionRevoked',
    );
    const alert = { ts: deps.clock.now(), level: 'warning' as const, message: english(messageMsg) };
    // Both go through the adapter in order, so the notice arrives before the disconnect.
    emit(room, 'system:alert', { ...alert, messageMsg: wireMsg(messageMsg), code }, local);
    (local ? io.local : io).in(room).disconnectSockets(true);
  }

  // A revocation made through this instance acts at once, on every instance (through the adapter).
  const stopRevocations = deps.revocation.onRevoke((jti) => {
    endSessions(jtiRoom(jti), 'session_revoked');
  });

  // One made elsewhere (the CLI writes to the shared store without telling any server) is found by
  // this sweep over the tokens of this instance's sockets.
  async function sweepRevoked(): Promise<void> {
    const jtis = new Set<string>();
    for (const socket of io.of('/').sockets.values()) jtis.add(socket.data.jti);
    await Promise.all(
      [...jtis].map(async (jti) => {
        if (await deps.revocation.isRevoked(jti))
          endSessions(jtiRoom(jti), 'session_revoked', true);
      }),
    );
  }
  const sweep = setInterval(() => {
    sweepRevoked().catch((error: unknown) => {
      logger.warn({ err: error }, 'socket revocation sweep failed');
    });
  }, deps.revocationSweepMs ?? 30_000).unref();

  io.on('connection', (socket) => {
    deps.metrics.socketsConnected.inc();
    const timer = onConnection(socket);
    socket.on('disconnect', () => {
      clearTimeout(timer);
      deps.metrics.socketsConnected.dec();
    });
  });

  function onConnection(socket: RealtimeSocket): NodeJS.Timeout {
    const { data } = socket;
    // A recovered connection comes back with its old rooms; keep only those the new token allows.
    for (const room of [...socket.rooms])
      if (!mayStayIn(room, socket.id, data)) void socket.leave(room);
    void socket.join([rooms.user(data.userId), jtiRoom(data.jti)]);
    handleChannels(socket, log);
    const delay = Math.min(Math.max(0, data.expiresAt - deps.clock.now()), MAX_TIMER_MS);
    return setTimeout(() => {
      endSessions(socket.id, 'token_expired');
    }, delay).unref();
  }

  return {
    attach(httpServer, appLogger) {
      logger = appLogger;
      io.attach(httpServer);
    },
    emit: (room, event, payload) => emit(room, event, payload),
    connectedCount: () => io.of('/').sockets.size,
    async close() {
      stopRevocations();
      clearInterval(sweep);
      await io.close();
      await adapterClient?.quit().catch(() => undefined);
    },
  };
}

/**
 * Socket.io replays missed packets while it builds the socket, before the handshake middleware
 * runs; refusing the recovery of a revoked session here keeps those packets from the client.
 */
function refuseRevokedRecoveries(io: RealtimeServer, revocation: TokenRevocation): void {
  const adapter = io.of('/').adapter;
  const restore = adapter.restoreSession.bind(adapter);
  adapter.restoreSession = async (pid, offset) => {
    // The in-memory adapter answers null (despite its type) when it has no such session.
    const session = (await restore(pid, offset)) as Awaited<ReturnType<typeof restore>> | null;
    if (session === null) throw new Error('no session to recover');
    const data: unknown = session.data;
    const jti =
      typeof data === 'object' && data !== null ? (data as Record<string, unknown>)['jti'] : null;
    // A rejection makes socket.io start a fresh session, which the middleware then checks.
    if (typeof jti !== 'string' || (await revocation.isRevoked(jti))) {
      throw new Error('session revoked');
    }
    return session;
  };
}
