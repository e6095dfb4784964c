/**
 * End-to-end tests in Debian's Chromium against the built playground served the way
 * `npm start` serves it (page, relay and demo servers), on a free loopback port.
 * `npm run test:e2e` builds first; screenshots go to e2e/artifacts/.
 */
import { execFileSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium.ts';

/**
 * A free 127.0.0.1 port, found once in the main process and handed to the workers through
 * the environment (Playwright loads this file again in every worker).
 */
function freePort(): string {
  const probe =
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).trim();
}

process.env.E2E_PORT ??= freePort();
const port = process.env.E2E_PORT;
export const baseURL = `http://127.0.0.1:${port}`;
// A documentation site on a second origin, allowed to embed widgets (e2e/embed-kit.spec.ts).
process.env.E2E_DOCS_PORT ??= freePort();
const docsOrigin = `http://127.0.0.1:${process.env.E2E_DOCS_PORT}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 45_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  use: {
    baseURL,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1400, height: 860 },
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  webServer: {
    command: 'npm start',
    url: `${baseURL}/`,
    env: { PORT: port, HOST: '127.0.0.1', EMBED_ORIGINS: docsOrigin },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
