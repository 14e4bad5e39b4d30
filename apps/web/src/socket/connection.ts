/**
 * The Socket.io connection: authenticates with the in-memory access token, reconnects with backoff,
 * refreshes the token when the server refuses or ends a session for expiry, subscribes its channels
 * again after any reconnection that did not recover the old session, and hands every event to the
 * gate (validation) then to the cache bridge and to screen listeners.
 */
import type { ClientToServerEvents, ServerToClientEvents, SubscribeAck } from '@numerusx/contracts';
import { io, type Socket } from 'socket.io-client';
import { createStore } from '../lib/store';
import { createEventGate, type LiveEvent } from './event-gate';

export type ConnectionState = 'offline' | 'connecting' | 'connected' | 'reconnecting';

export interface ConnectionDeps {
  readonly token: () => string | null;
  /** Single-flight refresh shared with REST calls; null = session over. */
  readonly refresh: () => Promise<string | null>;
  readonly onEvent: (ev: LiveEvent) => void;
  /** A fresh session (not recovered): what was missed must be read again over REST. */
  readonly onResync: () => void;
  readonly onSessionRevoked: () => void;
}

type Listener = (ev: LiveEvent) => void;

export class LiveConnection {
  readonly state = createStore<ConnectionState>('offline');
  private socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
  private readonly channels = new Map<string, number>();
  private readonly listeners = new Set<Listener>();
  private revoked = false;
  private everConnected = false;
  /** The token of the last handshake: a newer one means no refresh is needed to reconnect. */
  private sentToken: string | null = null;

  constructor(private readonly deps: ConnectionDeps) {}

  start(): void {
    if (this.socket !== null) return;
    this.revoked = false;
    this.everConnected = false;
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      path: '/socket.io',
      // Called on every attempt, so a reconnection always carries the newest token.
      auth: (cb) => {
        this.sentToken = this.deps.token();
        cb({ token: this.sentToken ?? '' });
      },
      reconnectionDelay: 500,
      reconnectionDelayMax: 5_000,
      randomizationFactor: 0.3,
      autoConnect: false,
    });
    this.socket = socket;
    const gate = createEventGate((ev) => {
      if (ev.event === 'system:alert' && ev.payload.code === 'session_revoked') this.revoked = true;
      this.deps.onEvent(ev);
      for (const l of this.listeners) l(ev);
    });
    socket.onAny((event: string, payload: unknown) => {
      gate(event, payload);
    });
    socket.on('connect', () => {
      this.state.set('connected');
      if (!socket.recovered) {
        for (const channel of this.channels.keys()) this.send('subscribe', channel);
        if (this.everConnected) this.deps.onResync();
      }
      this.everConnected = true;
    });
    socket.on('connect_error', (err) => {
      this.state.set(this.everConnected ? 'reconnecting' : 'connecting');
      // Refused by the handshake check (socket.active is false): socket.io will not retry alone.
      if (!socket.active) this.reauthenticate();
      console.info(`socket: connection refused or failed (${err.message})`);
    });
    socket.on('disconnect', (reason) => {
      this.state.set('reconnecting');
      // The server ended this session (token expiry or revocation); transport drops retry alone.
      if (reason === 'io server disconnect') {
        if (this.revoked) this.deps.onSessionRevoked();
        else this.reauthenticate();
      }
    });
    this.state.set('connecting');
    socket.connect();
  }

  private reauthenticate(): void {
    const socket = this.socket;
    const current = this.deps.token();
    // The REST side already refreshed (proactively, before expiry): reconnect with that token.
    if (current !== null && current !== this.sentToken) {
      socket?.connect();
      return;
    }
    this.deps.refresh().then(
      (token) => {
        if (token !== null && this.socket === socket) socket?.connect();
      },
      () => {
        // Server unreachable: try again later, as socket.io would for a dropped transport.
        setTimeout(() => {
          if (this.socket === socket) this.reauthenticate();
        }, 2_000);
      },
    );
  }

  stop(): void {
    this.socket?.disconnect();
    this.socket?.removeAllListeners();
    this.socket = null;
    this.state.set('offline');
  }

  /** Reference-counted: the channel stays joined while one screen still needs it. */
  join(channel: string): () => void {
    const n = this.channels.get(channel) ?? 0;
    this.channels.set(channel, n + 1);
    if (n === 0 && this.socket?.connected === true) this.send('subscribe', channel);
    return () => {
      const left = (this.channels.get(channel) ?? 1) - 1;
      if (left > 0) {
        this.channels.set(channel, left);
        return;
      }
      this.channels.delete(channel);
      if (this.socket?.connected === true) this.send('unsubscribe', channel);
    };
  }

  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private send(kind: 'subscribe' | 'unsubscribe', channel: string): void {
    this.socket?.timeout(5_000).emit(kind, { channel }, (err: Error | null, ack?: SubscribeAck) => {
      if (err !== null) console.warn(`socket: ${kind} ${channel}: no answer`);
      else if (ack !== undefined && !ack.ok)
        console.warn(`socket: ${kind} ${channel}: ${ack.error.message}`);
    });
  }
}
