import '@mantine/core/styles.css';
import './shell/app.css';
import { DirectionProvider, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError } from './api/client.ts';
import { initI18n } from './i18n/index.ts';
import { DirectionSync } from './i18n/DirectionSync.tsx';
import { App } from './shell/App.tsx';
import { cssVariablesResolver, theme } from './shell/theme.ts';

initI18n();

/**
 * A data router (one catch-all route holding the app's own <Routes>) because blocking navigation away from
 * unsaved edits (useBlocker) needs one; the pages' routes stay declared in App.tsx.
 */
const router = createBrowserRouter([{ path: '*', element: <App /> }]);

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal (4xx) will not change by asking again; only network and server faults are retried.
      retry: (failures, error) =>
        failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DirectionProvider detectDirection>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <QueryClientProvider client={queryClient}>
          <DirectionSync />
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  </StrictMode>,
);
