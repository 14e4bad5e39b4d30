/** Configuration: defaults, and a bad value stops start-up naming the variable (never its secret). */
import { mkdtempSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '@numerusx/core';
import { loadConfig } from '../src/config.js';
import { loadJwtSecret } from '../src/secrets.js';

describe('loadConfig', () => {
  it('defaults: 127.0.0.1:8080, SQLite in ./data, paper, rules, no Redis', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      mode: 'paper',
      aiProvider: 'rules',
      redisUrl: undefined,
    });
    expect(c.database).toEqual({
      kind: 'sqlite',
      file: join(process.cwd(), 'data', 'numerusx.db'),
    });
  });

  it('DATABASE_URL postgres:// selects PostgreSQL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@h/db',
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ NUMERUSX_MODE: 'yolo' }, 'NUMERUSX_MODE'],
    [{ NUMERUSX_AI_PROVIDER: 'oracle' }, 'NUMERUSX_AI_PROVIDER'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ CORS_ORIGINS: '*' }, 'CORS_ORIGINS'],
    [{ NUMERUSX_AI_PROVIDER: 'gemini' }, 'GEMINI_API_KEY'],
    [{ JWT_SECRET: 'short-secret' }, 'JWT_SECRET'],
    [{ NUMERUSX_ADMIN_PASSWORD: 'short' }, 'NUMERUSX_ADMIN_PASSWORD'],
  ])('%j stops start-up naming %s', (env, variable) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message.startsWith(`${variable}:`)).toBe(true);
  });

  it('never echoes a secret in the message', () => {
    expect(() => loadConfig({ JWT_SECRET: 'my-leaky-secret' })).toThrow(
      /^JWT_SECRET: (?!.*my-leaky-secret)/,
    );
  });
});

describe('loadJwtSecret', () => {
  it('generates a secret once, mode 0600, and reads the same one back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nx-secret-'));
    const first = loadJwtSecret(undefined, dir);
    expect(first.length).toBeGreaterThanOrEqual(64);
    expect(statSync(join(dir, 'jwt-secret')).mode & 0o777).toBe(0o600);
    expect(loadJwtSecret(undefined, dir)).toBe(first);
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8')).toBe(first);
  });

  it('refuses a key file others can read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nx-secret-'));
    writeFileSync(join(dir, 'jwt-secret'), 'x'.repeat(64));
    chmodSync(join(dir, 'jwt-secret'), 0o644);
    expect(() => loadJwtSecret(undefined, dir)).toThrow(/readable by other users/);
  });

  it('JWT_SECRET, when set, is used and nothing is written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nx-secret-'));
    expect(loadJwtSecret('s'.repeat(40), dir)).toBe('s'.repeat(40));
    expect(() => statSync(join(dir, 'jwt-secret'))).toThrow();
  });
});
