import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The console is built into dist/web, which `leadrouter serve` serves at `/`. */
export default defineConfig({
  root: here,
  plugins: [react()],
  build: { outDir: fileURLToPath(new URL('../dist/web', import.meta.url)), emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  // `npx vite --config web/vite.config.ts` serves the console with the API of a local `npm start`.
  server: { proxy: { '/v1': 'http://127.0.0.1:3000' } },
  logLevel: 'warn',
});
