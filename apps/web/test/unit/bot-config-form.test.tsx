// @vitest-environment jsdom
// The bot's configuration form: the client-side checks from the parameter specs stop a bad value
// before it is sent, and the server's refusal (a 400 naming the field) is shown next to that field.
import type { BotConfigView, PublicUser } from '@numerusx/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { i18n, initI18n } from '../../src/i18n';
import { BotConfigForm } from '../../src/pages/bot/BotConfigForm';

const ADMIN: PublicUser = { id: 1, username: 'admin', role: 'admin' };

vi.mock('../../src/auth/use-session', () => ({
  useUser: () => ADMIN,
  hasRole: () => true,
}));

const VIEW: BotConfigView = {
  botId: 'default',
  version: 3,
  isDefault: false,
  createdAt: 1_700_000_000_000,
  createdBy: 1,
  config: {
    strategy: { id: 'momentum', params: { period: 14 } },
    risk: { maxPositionPct: 0.2 },
    pairs: ['SOL/USDT'],
    timeframe: '1h',
  },
  riskParams: [
    {
      name: 'maxPositionPct',
      type: 'number',
      default: 0.2,
      min: 0.01,
      max: 1,
      description: 'largest position as a fraction of equity',
    },
  ],
};

const STRATEGIES = {
  items: [
    {
      id: 'momentum',
      name: 'Momentum',
      description: 'RSI momentum',
      style: 'momentum',
      params: [
        {
          name: 'period',
          type: 'integer',
          default: 14,
          min: 2,
          max: 50,
          description: 'RSI period',
        },
      ],
    },
  ],
};

const PAIRS = { items: [{ pair: 'SOL/USDT' }], live: false };

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** GETs answered from the fixtures; PUT /bot/config answered by `put`. */
function stubApi(put: () => Response) {
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (init?.method === 'PUT' && url.endsWith('/bot/config')) return Promise.resolve(put());
    if (url.includes('/strategies')) return Promise.resolve(json(200, STRATEGIES));
    if (url.includes('/market/pairs')) return Promise.resolve(json(200, PAIRS));
    return Promise.resolve(json(404, { error: { code: 'NOT_FOUND', message: url } }));
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderForm() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={qc}>
      <BotConfigForm view={VIEW} />
    </QueryClientProvider>,
  );
}

const fieldOf = (name: string) => screen.getByText(name, { selector: 'span' }).closest('label')!;
const puts = (fetchMock: ReturnType<typeof stubApi>) =>
  fetchMock.mock.calls.filter(([, init]) => init?.method === 'PUT').length;

beforeAll(() => {
  localStorage.setItem('nx-lang', 'en');
  initI18n();
});

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await i18n.changeLanguage('en');
});

describe('bot config form', () => {
  it('stops an out-of-range parameter before sending, in the reader’s language', async () => {
    const fetchMock = stubApi(() => json(200, VIEW));
    renderForm();
    const period = await screen.findByRole('spinbutton', { name: /period/ });
    fireEvent.change(period, { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(within(fieldOf('period')).getByRole('alert').textContent).toBe('at least 2');
    expect(puts(fetchMock)).toBe(0);

    await i18n.changeLanguage('fr');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(within(fieldOf('period')).getByRole('alert').textContent).toBe('au moins 2');
    expect(puts(fetchMock)).toBe(0);
  });

  it('shows the server’s refusal next to the parameter it names', async () => {
    const fetchMock = stubApi(() =>
      json(400, {
        error: {
          code: 'INVALID_PARAMETER',
          message: 'maxPositionPct must not exceed the account limit of 0.5',
          details: { parameter: 'maxPositionPct' },
        },
      }),
    );
    renderForm();
    await screen.findByRole('spinbutton', { name: /period/ });
    fireEvent.change(screen.getByRole('spinbutton', { name: /maxPositionPct/ }), {
      target: { value: '0.8' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await within(fieldOf('maxPositionPct')).findByRole('alert');
    expect(alert.textContent).toBe('maxPositionPct must not exceed the account limit of 0.5');
    expect(puts(fetchMock)).toBe(1);
    const body = fetchMock.mock.calls.find(([, init]) => init?.method === 'PUT')?.[1]?.body;
    const sent = JSON.parse(typeof body === 'string' ? body : '{}') as {
      risk?: { maxPositionPct?: number };
    };
    expect(sent.risk?.maxPositionPct).toBe(0.8);
  });

  it('maps schema issues (details.issues) to their field', async () => {
    stubApi(() =>
      json(400, {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'body/strategy/params/period must be <= 50',
          details: { issues: [{ field: 'body.strategy.params.period', problem: 'must be <= 50' }] },
        },
      }),
    );
    renderForm();
    await screen.findByRole('spinbutton', { name: /period/ });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await within(fieldOf('period')).findByRole('alert');
    expect(alert.textContent).toBe('must be <= 50');
  });
});
