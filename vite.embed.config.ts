/**
 * /embed.js, the script documentation pages include (src/embed/host/main.ts): one classic
 * script (IIFE) with no imports, a fixed name and no hash, written into dist/ beside the page.
 * Built right after the page by vite.config.ts (`embedScript`), so `vite build` makes both.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  configFile: false,
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2020',
    copyPublicDir: false,
    lib: {
      entry: 'src/embed/host/main.ts',
      name: 'LuaPlaygroundEmbed',
      formats: ['iife'],
      fileName: () => 'embed.js',
    },
  },
});
