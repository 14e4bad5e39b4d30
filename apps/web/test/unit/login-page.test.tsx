// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../src/i18n';
import { LoginPage } from '../../src/pages/LoginPage';

beforeAll(() => {
  localStorage.setItem('nx-lang', 'en');
  initI18n();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function submitWith(answer: () => Promise<Response>): Promise<string> {
  vi.stubGlobal('fetch', vi.fn(answer));
  render(
    <MemoryRouter initialEntries={['/login']}>
      <LoginPage />
    </MemoryRouter>,
  );
  fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'admin' } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'whatever-it-is' } });
  fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
  return (await screen.findByRole('alert')).textContent;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Promise.resolve(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    }),
  );

describe('login errors say what happened and what to do', () => {
  it('bad credentials', async () => {
    const text = await submitWith(() =>
      json(401, {
        error: { code: 'INVALID_CREDENTIALS', message: 'invalid username or password' },
      }),
    );
    expect(text).toBe('Wrong username or password.');
  });

  it('rate limited: the wait from retry-after', async () => {
    const text = await submitWith(() =>
      json(429, { error: { code: 'RATE_LIMITED', message: 'too many' } }, { 'retry-after': '42' }),
    );
    expect(text).toBe('Too many attempts. Try again in 42 s.');
  });

  it('server unreachable', async () => {
    const text = await submitWith(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(text).toContain('The server cannot be reached');
  });
});
