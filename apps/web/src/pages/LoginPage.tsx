/** Login with errors that say what to do: bad credentials, rate limit with the wait, server down. */
import { useEffect, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, type Location } from 'react-router';
import { ApiError } from '../api/errors';
import { login } from '../api/session';
import { useSession } from '../auth/use-session';
import { useErrorText } from '../i18n/error-text';

function destination(state: unknown): string {
  const from = (state as { from?: Location } | null)?.from;
  if (from === undefined || from.pathname === '/login') return '/';
  return `${from.pathname}${from.search}${from.hash}`;
}

export function LoginPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { user, ready, endedReason } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);

  // Counts the rate-limit wait down so the message stays true.
  useEffect(() => {
    if (waitUntil === null) return;
    const id = setInterval(() => {
      setNow(Date.now());
    }, 1000);
    return () => {
      clearInterval(id);
    };
  }, [waitUntil]);

  if (ready && user !== null) return <Navigate to={destination(location.state)} replace />;

  const waitLeft = waitUntil === null ? 0 : Math.max(0, Math.ceil((waitUntil - now) / 1000));

  const submit = async (e: SyntheticEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username, password);
      void navigate(destination(location.state), { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setError(t('login.badCredentials'));
      else if (err instanceof ApiError && err.status === 429) {
        const seconds = err.retryAfterSec ?? 60;
        setWaitUntil(Date.now() + seconds * 1000);
        setNow(Date.now());
        setError('rate');
      } else if (err instanceof ApiError && err.status < 500 && err.status !== 0)
        setError(t('login.failed', { message: errorText(err) }));
      else setError(t('login.unreachable'));
    } finally {
      setBusy(false);
    }
  };

  const message =
    error === 'rate'
      ? waitLeft > 0
        ? t('login.rateLimited', { seconds: waitLeft })
        : null
      : error;
  const ended =
    endedReason === 'revoked'
      ? t('login.revoked')
      : endedReason === 'expired'
        ? t('login.expired')
        : null;

  return (
    <div className="login-page">
      <form className="card login-card" onSubmit={(e) => void submit(e)} noValidate>
        <h1>{t('login.title')}</h1>
        {ended !== null && message === null && <p className="notice">{ended}</p>}
        {message !== null && (
          <p className="form-error" role="alert" data-testid="login-error">
            {message}
          </p>
        )}
        <label>
          {t('login.username')}
          <input
            name="username"
            autoComplete="username"
            value={username}
            required
            onChange={(e) => {
              setUsername(e.target.value);
            }}
          />
        </label>
        <label>
          {t('login.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            required
            onChange={(e) => {
              setPassword(e.target.value);
            }}
          />
        </label>
        <button
          type="submit"
          className="btn primary"
          disabled={busy || waitLeft > 0 || username === '' || password === ''}
        >
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </div>
  );
}
