/**
 * Access tokens remember the claims of a token they verified (until it expires): the same text is
 * accepted without a second HMAC, and nothing else changes — a tampered copy, a token signed with
 * another secret and an expired token are refused as before.
 */
import { describe, expect, it } from 'vitest';
import { AccessTokens } from '../../src/auth/access-tokens.js';

const SECRET = 'a-test-secret-of-at-least-32-characters!';
const USER = { id: 7, username: 'ada', role: 'viewer' as const };

function setup() {
  const clock = { ms: Date.UTC(2024, 0, 1), now: () => clock.ms };
  return { clock, tokens: new AccessTokens(SECRET, clock, 15 * 60_000) };
}

/** The token with one character of its part `index` (0 header, 1 payload, 2 signature) changed. */
function tamper(token: string, index: number): string {
  const parts = token.split('.');
  const part = parts[index] ?? '';
  parts[index] = `${part.slice(0, -2)}${part.endsWith('AA') ? 'BB' : 'AA'}`;
  return parts.join('.');
}

describe('AccessTokens.verify', () => {
  it('the same token twice: the same claims', async () => {
    const { tokens } = setup();
    const { token, jti } = await tokens.issue(USER);
    const first = await tokens.verify(token);
    expect(first).toMatchObject({ userId: 7, username: 'ada', role: 'viewer', jti });
    expect(await tokens.verify(token)).toEqual(first);
  });

  it.each([
    ['signature', 2],
    ['payload', 1],
    ['header', 0],
  ])('a copy with its %s changed is refused after the genuine one was accepted', async (_p, i) => {
    const { tokens } = setup();
    const { token } = await tokens.issue(USER);
    await tokens.verify(token);
    await expect(tokens.verify(tamper(token, i))).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('a token of another secret is refused', async () => {
    const { clock, tokens } = setup();
    const other = new AccessTokens(`${SECRET}-other`, clock);
    const { token } = await other.issue(USER);
    await other.verify(token);
    await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('a remembered token is refused as expired once its time is over', async () => {
    const { clock, tokens } = setup();
    const { token, expiresAt } = await tokens.issue(USER);
    await tokens.verify(token);
    clock.ms = expiresAt - 1;
    await expect(tokens.verify(token)).resolves.toMatchObject({ userId: 7 });
    clock.ms = expiresAt;
    await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
  });
});
