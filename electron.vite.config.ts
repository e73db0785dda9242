import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/** Vite's dev server needs inline scripts and a websocket for hot reload; the built app never does. */
const devCsp = (): Plugin => ({
  name: 'bridgekeeper-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
});

export default defineConfig({
  main: {
    build: {
      // The Severa check CLI is a second entry of the main build: plain Node, no Electron. The
      // workbook reader's worker is a third: read-workbook-isolated.ts finds it as out/main/workbook-worker.js.
      rollupOptions: {
        input: { index: 'src/main/index.ts', 'severa-check': 'src/main/severa/cli-main.ts', 'workbook-worker': 'src/main/tables/workbook-worker.ts' },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be one CommonJS file: it cannot load ES modules or other files.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: 'src/preload/index.ts' },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react(), devCsp()],
    build: {
      // electron-vite leaves output readable by default; the renderer's start-up time is parse time.
      minify: true,
      rollupOptions: { input: { index: 'src/renderer/index.html' } },
    },
  },
});
