// Socket.io fan-out: N authenticated clients on one server, `rate` broadcasts a second (admin
// system alerts, each stamped with the server's send time), delivery latency per client and event.
import { io, type Socket } from 'socket.io-client';

export interface FanoutResult {
  readonly clients: number;
  readonly broadcastsPerSec: number;
  readonly broadcasts: number;
  readonly expectedDeliveries: number;
  readonly deliveries: number;
  readonly connectSec: number;
  readonly latencyMs: {
    readonly p50: number;
    readonly p90: number;
    readonly p99: number;
    readonly max: number;
  };
}

function pct(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function fanout(
  url: string,
  token: string,
  opts: { clients: number; rate: number; seconds: number },
): Promise<FanoutResult> {
  const sockets: Socket[] = [];
  const latencies: number[] = [];
  const t0 = Date.now();
  // Connect in batches: 2,000 simultaneous handshakes would measure the accept queue, not fan-out.
  for (let i = 0; i < opts.clients; i += 100) {
    const batch: Promise<void>[] = [];
    for (let j = i; j < Math.min(opts.clients, i + 100); j++) {
      const s = io(url, {
        auth: { token },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      s.on('system:alert', (p: { ts: number; message: string }) => {
        if (p.message.startsWith('bench ')) latencies.push(Date.now() - p.ts);
      });
      sockets.push(s);
      batch.push(
        new Promise((resolve, reject) => {
          s.once('connect', () => {
            resolve();
          });
          s.once('connect_error', (e: Error) => {
            reject(e);
          });
        }),
      );
    }
    await Promise.all(batch);
  }
  const connectSec = (Date.now() - t0) / 1000;

  const broadcasts = opts.rate * opts.seconds;
  for (let k = 0; k < broadcasts; k++) {
    const started = Date.now();
    const res = await fetch(`${url}/api/v1/system/alerts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ level: 'info', message: `bench ${k}` }),
    });
    if (res.status !== 202)
      throw new Error(`alert ${k} refused: ${res.status} ${await res.text()}`);
    const wait = 1000 / opts.rate - (Date.now() - started);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  await new Promise((r) => setTimeout(r, 2000)); // let the last broadcasts arrive
  for (const s of sockets) s.disconnect();
  const sorted = Float64Array.from(latencies).sort();
  return {
    clients: opts.clients,
    broadcastsPerSec: opts.rate,
    broadcasts,
    expectedDeliveries: broadcasts * opts.clients,
    deliveries: latencies.length,
    connectSec,
    latencyMs: {
      p50: pct(sorted, 50),
      p90: pct(sorted, 90),
      p99: pct(sorted, 99),
      max: pct(sorted, 100),
    },
  };
}
