// What the runtime part does through the API: log in, configure and start the bot, stop it; and one
// Socket.io client in the bot's room, so that every event is really serialised and sent.
import { io, type Socket } from 'socket.io-client';

export class ApiClient {
  private token: string | undefined;

  constructor(private readonly url: string) {}

  async request(method: string, path: string, body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = {};
    if (this.token !== undefined) headers['authorization'] = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.url}/api/v1${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  }

  async login(password: string): Promise<string> {
    const r = (await this.request('POST', '/auth/login', { username: 'admin', password })) as {
      accessToken: string;
    };
    this.token = r.accessToken;
    return r.accessToken;
  }
}

/** One decision as the socket saw it: its action, and its last status (PENDING, then final). */
export interface SeenDecision {
  readonly action: string;
  status: string;
}

export interface BotListener {
  /** Decisions by id, from `ai:decision`. */
  readonly decisions: Map<number, SeenDecision>;
  /** Events received, by name. */
  readonly events: Map<string, number>;
  close(): void;
}

interface DecisionEvent {
  readonly id: number;
  readonly action: string;
  readonly status: string;
}

/** Connects, subscribes to `bot:<botId>` (acked) and records what arrives. */
export async function listenToBot(url: string, token: string, botId: string): Promise<BotListener> {
  const socket: Socket = io(url, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  const decisions = new Map<number, SeenDecision>();
  const events = new Map<string, number>();
  socket.onAny((name: string) => {
    events.set(name, (events.get(name) ?? 0) + 1);
  });
  socket.on('ai:decision', (d: DecisionEvent) => {
    const seen = decisions.get(d.id);
    if (seen === undefined) decisions.set(d.id, { action: d.action, status: d.status });
    else seen.status = d.status;
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => {
      resolve();
    });
    socket.once('connect_error', (e: Error) => {
      reject(e);
    });
  });
  const ack = await new Promise<{ ok: boolean; error?: { message: string } }>((resolve) => {
    socket.emit('subscribe', { channel: `bot:${botId}` }, resolve);
  });
  if (!ack.ok) throw new Error(`subscribe bot:${botId} refused: ${ack.error?.message ?? ''}`);
  return {
    decisions,
    events,
    close() {
      socket.disconnect();
    },
  };
}
