/**
 * Rooms and the `subscribe` / `unsubscribe` handlers. A handler checks the payload against the
 * contract and the role against the channel, joins or leaves, and answers by ack; nothing a client
 * sends can throw out of it (a throw in a socket listener would take the process down).
 */
import { SubscribeRequest, type SubscribeAck } from '@numerusx/contracts';
import { Value } from '@sinclair/typebox/value';
import type { Role } from '../db/schema.js';
import { hasRole } from '../http/authenticate.js';
import type { RealtimeLogger, RealtimeSocket, SocketData } from './types.js';

/** A room events can be sent to (DESIGN §3); `jti:` rooms are internal to revocation. */
export type Room = `user:${number}` | `market:${string}` | `bot:${string}` | 'logs';

export const rooms = {
  user: (id: number): Room => `user:${id}`,
  market: (pair: string): Room => `market:${pair}`,
  bot: (id: string): Room => `bot:${id}`,
  logs: 'logs' as const,
};

/** Every socket of one access token, so revoking the token reaches them on any instance. */
export function jtiRoom(jti: string): string {
  return `jti:${jti}`;
}

/** Bounds the rooms (and so the memory) one connection can add through `subscribe`. */
export const MAX_CHANNELS_PER_SOCKET = 64;

type Ack = (res: SubscribeAck) => void;

function fail(code: string, message: string): SubscribeAck {
  return { ok: false, error: { code, message } };
}

/** The channel a request names, or why it is refused: `logs` needs trader or admin. */
export function resolveChannel(payload: unknown, role: Role): SubscribeAck {
  if (!Value.Check(SubscribeRequest, payload)) {
    const first = Value.Errors(SubscribeRequest, payload).First();
    const where =
      first === undefined || first.path === '' ? '' : ` (${first.path}: ${first.message})`;
    return fail(
      'VALIDATION_ERROR',
      `expected {channel} naming market:<BASE/QUOTE>, logs or bot:<id>${where}`,
    );
  }
  if (payload.channel === rooms.logs && !hasRole(role, 'trader')) {
    return fail('FORBIDDEN', `the logs channel needs the trader role; you are ${role}`);
  }
  return { ok: true, channel: payload.channel };
}

/**
 * Whether a socket with these claims may be in `room`. Checked again when a recovered connection
 * gets its old rooms back: the new token may belong to another user or a lower role.
 */
export function mayStayIn(room: string, socketId: string, data: SocketData): boolean {
  if (room === socketId || room === rooms.user(data.userId) || room === jtiRoom(data.jti)) {
    return true;
  }
  if (room.startsWith('user:') || room.startsWith('jti:')) return false;
  return resolveChannel({ channel: room }, data.role).ok;
}

/** socket.io passes the ack function last when the client asked for one. */
function splitArgs(args: readonly unknown[]): { payload: unknown; ack: Ack | undefined } {
  const last = args[args.length - 1];
  if (typeof last !== 'function') return { payload: args[0], ack: undefined };
  return { payload: args.length > 1 ? args[0] : undefined, ack: last as Ack };
}

function channelCount(socket: RealtimeSocket): number {
  let n = 0;
  for (const room of socket.rooms) if (resolveChannel({ channel: room }, 'admin').ok) n += 1;
  return n;
}

async function subscribe(socket: RealtimeSocket, payload: unknown): Promise<SubscribeAck> {
  const res = resolveChannel(payload, socket.data.role);
  if (!res.ok || socket.rooms.has(res.channel)) return res;
  if (channelCount(socket) >= MAX_CHANNELS_PER_SOCKET) {
    return fail('LIMIT_EXCEEDED', `at most ${MAX_CHANNELS_PER_SOCKET} channels per connection`);
  }
  await socket.join(res.channel);
  return res;
}

async function unsubscribe(socket: RealtimeSocket, payload: unknown): Promise<SubscribeAck> {
  // Leaving needs no role: a demoted user may always drop a channel.
  const res = resolveChannel(payload, 'admin');
  if (res.ok) await socket.leave(res.channel);
  return res;
}

type Handler = (socket: RealtimeSocket, payload: unknown) => Promise<SubscribeAck>;

async function answer(
  socket: RealtimeSocket,
  args: readonly unknown[],
  run: Handler,
  logger: () => RealtimeLogger,
): Promise<void> {
  const { payload, ack } = splitArgs(args);
  let res: SubscribeAck;
  try {
    res = await run(socket, payload);
  } catch (error) {
    logger().error({ err: error }, 'socket channel handler failed');
    res = fail('INTERNAL_ERROR', 'the server could not handle this request');
  }
  try {
    ack?.(res);
  } catch (error) {
    logger().warn({ err: error }, 'socket ack failed');
  }
}

export function handleChannels(socket: RealtimeSocket, logger: () => RealtimeLogger): void {
  socket.on('subscribe', (...args: unknown[]) => {
    void answer(socket, args, subscribe, logger);
  });
  socket.on('unsubscribe', (...args: unknown[]) => {
    void answer(socket, args, unsubscribe, logger);
  });
}
