/** User and role, language, theme, live-connection light, bot state, logout. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useBotStatus } from '../api/queries';
import { logout, logoutAll } from '../api/session';
import { useUser } from '../auth/use-session';
import { LANGUAGES, setLanguage, type Language } from '../i18n';
import { toggleTheme, useTheme } from '../lib/theme';
import { useConnectionState } from '../socket/live';
import { BotStateBadge } from './BotStateBadge';
import { toast } from './toasts-store';

export function Header({ onMenu }: { readonly onMenu: () => void }) {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const theme = useTheme();
  const connection = useConnectionState();
  const status = useBotStatus();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);

  const signOut = async (everywhere: boolean) => {
    setBusy(true);
    try {
      if (everywhere) {
        // Any role may end all of its own sessions; the local session ends whatever the answer.
        try {
          await logoutAll();
          toast('info', t('header.logoutAllDone'));
        } catch {
          toast('warning', t('header.logoutAllFailed'));
        }
      } else {
        await logout();
      }
    } finally {
      setBusy(false);
      void navigate('/login');
    }
  };

  return (
    <header className="header">
      <button
        type="button"
        className="icon-btn menu-btn"
        aria-label={t('nav.menu')}
        onClick={onMenu}
      >
        ☰
      </button>
      <BotStateBadge state={status.data?.state} />
      <span
        className={`conn conn-${connection}`}
        data-testid="connection"
        data-state={connection}
        title={t(`socket.${connection}`)}
      >
        <span className="dot" aria-hidden="true" />
        {t(`socket.${connection}`)}
      </span>
      <div className="header-right">
        <label className="lang">
          <span className="sr-only">{t('header.language')}</span>
          <select
            value={i18n.language}
            aria-label={t('header.language')}
            onChange={(e) => {
              setLanguage(e.target.value as Language);
            }}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {l.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="icon-btn"
          onClick={toggleTheme}
          aria-label={theme === 'dark' ? t('header.themeLight') : t('header.themeDark')}
          title={theme === 'dark' ? t('header.themeLight') : t('header.themeDark')}
        >
          {theme === 'dark' ? '☀' : '☾'}
        </button>
        <span className="user" data-testid="user">
          {user.username} <span className="role">{t(`header.role.${user.role}`)}</span>
        </span>
        <button
          type="button"
          className="btn ghost"
          disabled={busy}
          onClick={() => void signOut(true)}
        >
          {t('header.logoutAll')}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => void signOut(false)}>
          {t('header.logout')}
        </button>
      </div>
    </header>
  );
}
