/**
 * Prometheus metrics (prom-client), one registry per app so several apps in one process (tests) do
 * not collide: process metrics, HTTP request durations by route and status, connected sockets,
 * bot cycle durations.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { FastifyInstance } from 'fastify';

export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'numerusx_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly socketsConnected = new Gauge({
    name: 'numerusx_sockets_connected',
    help: 'Socket.io clients connected to this instance',
    registers: [this.registry],
  });
  readonly socketEvents = new Counter({
    name: 'numerusx_socket_events_emitted_total',
    help: 'Socket.io events emitted, by event name',
    labelNames: ['event'] as const,
    registers: [this.registry],
  });

  readonly botCycle = new Histogram({
    name: 'numerusx_bot_cycle_seconds',
    help: 'One bot cycle: a closed candle to its stored decision and events',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 1, 5, 30],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'numerusx_' });
  }

  /** Times every request under its route pattern (not its URL: bounded label values). */
  instrument(app: FastifyInstance): void {
    app.addHook('onResponse', (req, reply, done) => {
      const route = req.routeOptions.url ?? 'unmatched';
      this.httpDuration.observe(
        { method: req.method, route, status: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
      done();
    });
  }
}
