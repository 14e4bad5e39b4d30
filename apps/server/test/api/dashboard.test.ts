/** The built dashboard at `/`: index never cached, hashed assets cached a year, deep links served. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installDashboard } from '../../src/http/dashboard.js';

describe('dashboard serving', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nx-dist-'));
  const app = Fastify();
  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'main-abc123.js'), 'console.log(1)');
    await installDashboard(app, dir, '/api/v1');
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / and for deep links a browser opens, never cached', async () => {
    for (const url of ['/', '/decisions/42']) {
      const r = await app.inject({ url, headers: { accept: 'text/html' } });
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain('id="root"');
      expect(r.headers['cache-control']).toBe('no-cache');
    }
  });

  it('hashed assets are immutable for a year; unknown files and API paths are JSON 404s', async () => {
    const js = await app.inject({ url: '/assets/main-abc123.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/assets/missing.js', '/api/v1/nope', '/favicon.ico']) {
      const r = await app.inject({ url, headers: { accept: 'text/html' } });
      expect(r.statusCode, url).toBe(404);
    }
    expect((await app.inject({ url: '/some/page' })).statusCode).toBe(404); // not a browser
  });

  it('without a build, / says how to build it', async () => {
    const bare = Fastify();
    await installDashboard(bare, join(dir, 'nowhere'), '/api/v1');
    const r = await bare.inject({ url: '/' });
    expect(r.statusCode).toBe(503);
    expect(r.body).toMatch(/npm run build -w @numerusx\/web/);
    await bare.close();
  });
});
