/**
 * Build of the playground page (and, in dev, the same relay and demo servers as npm start). Monaco is bundled from node_modules (its editor worker through
 * Vite's `?worker` import, see src/editor/monaco.ts); nothing is fetched from a CDN. The Lua
 * worker is an ES module worker, so `worker.format` is 'es'.
 */
import { build, defineConfig } from 'vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { playgroundServer } from './src/server/vite-plugin.ts';
import { precompressDir } from './src/server/precompress.ts';

/** After the page's build, /embed.js (vite.embed.config.ts): a classic script of its own. */
function embedScript(): Plugin {
  return {
    name: 'lua-playground-embed-script',
    apply: 'build',
    async closeBundle() {
      await build({ configFile: 'vite.embed.config.ts', logLevel: 'warn' });
    },
  };
}

/**
 * Last of all (after embed.js is built): brotli and gzip copies of dist/'s assets, which the
 * production server sends by Accept-Encoding (src/server/static-files.ts).
 */
function precompressAssets(): Plugin {
  return {
    name: 'lua-playground-precompress',
    apply: 'build',
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        const r = await precompressDir('dist');
        const kB = (n: number) => `${Math.round(n / 1024).toLocaleString('en-US')} kB`;
        console.log(
          `precompressed ${r.files} files: ${kB(r.bytes)} -> ${kB(r.brotliBytes)} brotli, ${kB(r.gzipBytes)} gzip`,
        );
      },
    },
  };
}

export default defineConfig({
  // playgroundServer: the relay, the demo servers and the page config on `vite` / `vite preview`.
  plugins: [react(), playgroundServer(), embedScript(), precompressAssets()],
  build: {
    outDir: 'dist',
    // The playground, and the widget frame that documentation pages embed (src/embed/frame).
    rollupOptions: { input: { main: 'index.html', frame: 'embed-frame.html' } },
    target: 'es2022',
    // Monaco alone is ~3 MB of source; the warning would fire on every build.
    chunkSizeWarningLimit: 4096,
  },
  optimizeDeps: {
    // Bundled together up front: the runtime imports fengari's main module and some of its
    // internals (src/runtime/lua/, src/runtime/modules/wippy/); found one by one, they would
    // become copies of fengari that do not share its classes, and the page would reload once
    // on its first visit.
    include: [
      'fengari',
      'fengari/src/lgonum.js',
      'fengari/src/lobject.js',
      'fengari/src/lprintf.js',
      'fengari/src/lstring.js',
      'fengari/src/ltable.js',
      // Imported by the worker only: found late, they would be bundled on the first Run.
      '@cfworker/json-schema',
      're2js',
    ],
    // fengari reads process.env.FENGARICONF when it loads; a production build replaces
    // process.env with {}, the dev server's dependency pre-bundling must do the same.
    rolldownOptions: { transform: { define: { 'process.env': '{}' } } },
  },
  worker: {
    format: 'es',
  },
});
