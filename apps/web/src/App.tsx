/**
 * Routes. Pages other than the dashboard load on demand (their chunks hold the charts), which keeps
 * the JavaScript needed to log in and see the dashboard small.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from './auth/use-session';
import { Layout } from './components/Layout';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';

const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage'));
const BotPage = lazy(() => import('./pages/bot/BotPage'));
const DecisionsPage = lazy(() => import('./pages/decisions/DecisionsPage'));
const DecisionDetailPage = lazy(() => import('./pages/decisions/DecisionDetailPage'));
const AiPerformancePage = lazy(() => import('./pages/decisions/AiPerformancePage'));
const TradingPage = lazy(() => import('./pages/trading/TradingPage'));
const BacktestsPage = lazy(() => import('./pages/backtests/BacktestsPage'));

function Splash() {
  const { t } = useTranslation();
  return (
    <div className="splash" role="status">
      {t('app.loading')}
    </div>
  );
}

/** Sends a visitor without a session to /login, remembering where they wanted to go. */
function RequireAuth({ children }: { readonly children: ReactNode }) {
  const { ready, user } = useSession();
  const location = useLocation();
  if (!ready) return <Splash />;
  if (user === null) return <Navigate to="/login" replace state={{ from: location }} />;
  return children;
}

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <Layout />
          </RequireAuth>
        }
      >
        <Route index element={<Lazy page={<DashboardPage />} />} />
        <Route path="bot" element={<Lazy page={<BotPage />} />} />
        <Route path="decisions" element={<Lazy page={<DecisionsPage />} />} />
        <Route path="decisions/performance" element={<Lazy page={<AiPerformancePage />} />} />
        <Route path="decisions/:id" element={<Lazy page={<DecisionDetailPage />} />} />
        <Route path="trading" element={<Lazy page={<TradingPage />} />} />
        <Route path="backtests" element={<Lazy page={<BacktestsPage />} />} />
        <Route path="backtests/:id" element={<Lazy page={<BacktestsPage />} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

function Lazy({ page }: { readonly page: ReactNode }) {
  return <Suspense fallback={<Splash />}>{page}</Suspense>;
}
