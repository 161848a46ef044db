import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Run from the project root (npm scripts): `root` and `outDir` are relative to it and to root.
export default defineConfig({
  root: 'src/ui',
  base: '/',
  // Keep Vite's and Vitest's caches out of the source folder.
  cacheDir: '../../node_modules/.vite',
  plugins: [react()],
  build: {
    outDir: '../../dist/ui',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `npm run dev:ui`-style work: the API runs on PORT (3000 by default).
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  test: {
    environment: 'jsdom',
    include: ['**/*.test.{ts,tsx}'],
    setupFiles: ['./test-setup.ts'],
    restoreMocks: true,
  },
});
