import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { preloadFirstScreen } from './preload-plugin';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [
    react(),
    preloadFirstScreen({
      signedIn: ['src/features/shell/AppLayout.tsx', 'src/features/battle-map/BattleMapPage.tsx'],
      signedOut: ['src/features/auth/LoginPage.tsx'],
    }),
  ],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' } },
});
