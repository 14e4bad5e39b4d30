/**
 * Socket.io test helpers: real `socket.io-client` sockets against a real server, and promises for
 * the events a test waits on, each with a deadline so a missing event fails fast instead of hanging.
 */
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type {
  ClientToServerEvents,
  ServerEventName,
  ServerEventPayload,
  ServerToClientEvents,
  SubscribeAck,
} from '@numerusx/contracts';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const DEADLINE_MS = 5_000;

/** Every socket a test opened, closed by closeSockets() in afterEach. */
const open = new Set<TestSocket>();

export function connect(
  url: string,
  token: string | undefined,
  options: Partial<ManagerOptions & SocketOptions> = {},
): TestSocket {
  const socket: TestSocket = io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: token === undefined ? {} : { token },
    ...options,
  });
  open.add(socket);
  return socket;
}

export function closeSockets(): void {
  for (const socket of open) socket.disconnect();
  open.clear();
}

function withDeadline<T>(what: string, start: (resolve: (v: T) => void) => () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out after ${DEADLINE_MS} ms waiting for ${what}`));
    }, DEADLINE_MS);
    const stop = start((v) => {
      clearTimeout(timer);
      stop();
      resolve(v);
    });
  });
}

/** Resolves when the socket is connected (rejects with the connect_error message otherwise). */
export async function connected(socket: TestSocket): Promise<void> {
  if (socket.connected) return;
  const err = await withDeadline<Error | null>('connect', (done) => {
    const ok = () => {
      done(null);
    };
    socket.on('connect', ok);
    socket.on('connect_error', done);
    return () => {
      socket.off('connect', ok);
      socket.off('connect_error', done);
    };
  });
  if (err !== null) throw new Error(`connect_error: ${err.message}`);
}

/** The message of the connect_error the socket gets (fails if it connects instead). */
export function connectError(socket: TestSocket): Promise<string> {
  return connected(socket).then(
    () => {
      throw new Error('connected, but a connect_error was expected');
    },
    (error: unknown) =>
      String(error instanceof Error ? error.message : error).replace(/^connect_error: /, ''),
  );
}

/** The next `event` the socket receives. */
export function next<E extends ServerEventName>(
  socket: TestSocket,
  event: E,
): Promise<ServerEventPayload<E>> {
  // socket.io-client's typings cannot relate a generic event name to its listener.
  const on = socket.on.bind(socket) as (ev: string, fn: (p: ServerEventPayload<E>) => void) => void;
  const off = socket.off.bind(socket) as (
    ev: string,
    fn: (p: ServerEventPayload<E>) => void,
  ) => void;
  return withDeadline(event, (done) => {
    on(event, done);
    return () => {
      off(event, done);
    };
  });
}

/** Every `event` the socket receives from now on, in order. */
export function collect<E extends ServerEventName>(
  socket: TestSocket,
  event: E,
): ServerEventPayload<E>[] {
  const seen: ServerEventPayload<E>[] = [];
  const on = socket.on.bind(socket) as (ev: string, fn: (p: ServerEventPayload<E>) => void) => void;
  on(event, (p) => seen.push(p));
  return seen;
}

/** The reason the socket gets disconnected with. */
export function disconnection(socket: TestSocket): Promise<string> {
  return withDeadline('disconnect', (done) => {
    socket.on('disconnect', done);
    return () => {
      socket.off('disconnect', done);
    };
  });
}

/** Sends subscribe/unsubscribe with an arbitrary payload (tests send bad ones on purpose). */
export function request(
  socket: TestSocket,
  event: 'subscribe' | 'unsubscribe',
  payload: unknown,
): Promise<SubscribeAck> {
  const emit = socket.emit.bind(socket) as (
    ev: string,
    payload: unknown,
    ack: (res: SubscribeAck) => void,
  ) => void;
  return withDeadline(`${event} ack`, (done) => {
    emit(event, payload, done);
    return () => undefined;
  });
}

/** Polls `check` until it holds (server-side state the client cannot see directly). */
export async function eventually(
  what: string,
  check: () => boolean | Promise<boolean>,
): Promise<void> {
  const until = Date.now() + DEADLINE_MS;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Sends `event` with the ack function as the only argument (no payload at all). */
export function requestWithoutPayload(
  socket: TestSocket,
  event: 'subscribe' | 'unsubscribe',
): Promise<SubscribeAck> {
  const emit = socket.emit.bind(socket) as (ev: string, ack: (res: SubscribeAck) => void) => void;
  return withDeadline(`${event} ack`, (done) => {
    emit(event, done);
    return () => undefined;
  });
}

/** Sends without asking for an ack (the server must cope). */
export function fireAndForget(socket: TestSocket, event: string, ...args: unknown[]): void {
  const emit = socket.emit.bind(socket) as (ev: string, ...args: unknown[]) => void;
  emit(event, ...args);
}
