import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The UI is built into dist/web, which `parallax serve` serves; during UI work, `npx vite web` proxies /api to a
// running `parallax serve`.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // A module preload polyfill would be an inline script, which the server's Content-Security-Policy forbids.
    modulePreload: { polyfill: false },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/openapi.json': 'http://127.0.0.1:8080' } },
});
