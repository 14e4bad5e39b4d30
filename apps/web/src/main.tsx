import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { queryClient } from './api/query-client';
import { restoreSession } from './api/session';
import { App } from './App';
import { initI18n } from './i18n';
import { initTheme } from './lib/theme';
import './socket/live';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';

initTheme();
initI18n();
void restoreSession();

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
