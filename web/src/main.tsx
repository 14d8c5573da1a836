import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { loadLayout, routeLoaderFor } from './app/routes';

// Fetch the opened page's code now, in parallel with the session check, not after it.
if (location.pathname.startsWith('/r/')) void loadLayout();
void routeLoaderFor(location.pathname)?.();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
