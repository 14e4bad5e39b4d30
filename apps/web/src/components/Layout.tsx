/** The frame of every signed-in page: sidebar, header, content, toasts; joins the bot's channels. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useBotStatus } from '../api/queries';
import { useChannel } from '../socket/live';
import { Header } from './Header';
import { Toasts } from './Toasts';

const NAV = [
  { to: '/', key: 'nav.dashboard', icon: '◧' },
  { to: '/bot', key: 'nav.bot', icon: '⚙' },
  { to: '/decisions', key: 'nav.decisions', icon: '◈' },
  { to: '/trading', key: 'nav.trading', icon: '⇅' },
  { to: '/backtests', key: 'nav.backtests', icon: '↺' },
] as const;

export function Layout() {
  const { t } = useTranslation();
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  const status = useBotStatus();
  const botId = status.data?.botId ?? 'default';
  const pair = status.data?.pairs[0] ?? null;
  // Every screen shows bot state, portfolio and decisions live; the market channel feeds marks.
  useChannel(`bot:${botId}`);
  useChannel(pair === null ? null : `market:${pair}`);

  return (
    <div className={menuOpen ? 'shell menu-open' : 'shell'}>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <nav className="sidebar" aria-label={t('nav.menu')}>
        <div className="brand">{t('app.name')}</div>
        <ul>
          {NAV.map((item) => (
            <li key={item.to}>
              <NavLink
                to={item.to}
                end={item.to === '/'}
                onClick={() => {
                  setMenuOpen(false);
                }}
              >
                <span aria-hidden="true" className="nav-icon">
                  {item.icon}
                </span>
                {t(item.key)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div
        className="scrim"
        aria-hidden="true"
        onClick={() => {
          setMenuOpen(false);
        }}
      />
      <div className="main-col">
        <Header
          onMenu={() => {
            setMenuOpen((o) => !o);
          }}
        />
        <main id="main" key={location.pathname.split('/')[1]}>
          <Outlet />
        </main>
      </div>
      <Toasts />
    </div>
  );
}
