/** The typed Socket.io server of the realtime layer: what clients send, what we emit, per-socket data. */
import type { Server, Socket } from 'socket.io';
import type { ServerToClientEvents } from '@numerusx/contracts';
import type { Role } from '../db/schema.js';

/**
 * What a client may send. Arguments come from the network, so handlers receive them as `unknown`
 * and check them against the contract schemas (the web client uses the contract's typed map).
 */
export interface ClientEvents {
  subscribe: (...args: unknown[]) => void;
  unsubscribe: (...args: unknown[]) => void;
}

/** Instances talk through the adapter's own messages (broadcasts, disconnects); nothing custom. */
export type InterServerEvents = Record<string, never>;

/** The verified access-token claims of the connection, set by the handshake middleware. */
export interface SocketData {
  userId: number;
  username: string;
  role: Role;
  jti: string;
  /** ms UTC: the socket is disconnected then. */
  expiresAt: number;
}

export type RealtimeServer = Server<
  ClientEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
export type RealtimeSocket = Socket<
  ClientEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

/** The subset of pino the realtime layer writes to (Fastify's `app.log` fits). */
export interface RealtimeLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}
