/**
 * `npm run dev`: Vite's dev server (with the relay plugin) serves modules one by one and
 * pre-bundles dependencies. The runtime imports fengari's main module and some of its
 * internals (src/runtime/lua/); unless vite.config.ts bundles them together, they become two
 * copies of fengari that do not share classes, and json.decode's direct table building (and
 * 64-bit integers through the boundary) break in the dev server only. The server runs inside
 * this test, on a free loopback port.
 */
import { test, expect } from '@playwright/test';
import { createServer } from 'vite';
import type { ViteDevServer } from 'vite';

let server: ViteDevServer;
let url: string;

test.beforeAll(async () => {
  server = await createServer({
    configFile: 'vite.config.ts',
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0, strictPort: true },
  });
  await server.listen();
  const address = server.httpServer!.address();
  if (!address || typeof address === 'string') throw new Error('the dev server has no port');
  url = `http://127.0.0.1:${address.port}/`;
});

test.afterAll(async () => {
  await server?.close();
});

test('a script runs under npm run dev: json, errors, time and 64-bit integers', async ({
  page,
}) => {
  // A first visit may wait for Vite's pre-bundling.
  test.setTimeout(120_000);
  let loads = 0;
  page.on('load', () => loads++);
  const code = [
    'local decoded = json.decode(\'{"big": 9007199254740993, "list": [1, 2]}\')',
    'print(decoded.big, math.type(decoded.big), #decoded.list)',
    'print(json.encode({n = math.maxinteger}), errors.new("boom"):message())',
    'print(time.parse_duration("1h30m"):minutes())',
  ].join('\n');
  // Lua 5.3's print (tabs, `90.0`): this tests the dev server, not the language.
  await page.goto(`${url}#code=${Buffer.from(code).toString('base64url')}&dialect=lua53`);
  await expect(page.getByTestId('run.status')).toHaveText('idle', { timeout: 90_000 });
  await page.getByTestId('toolbar.run').click();
  await expect(page.getByTestId('run.status')).toHaveText('finished', { timeout: 30_000 });
  await expect(page.locator('[data-stream="stdout"]')).toHaveText([
    '9007199254740993\tinteger\t2',
    '{"n":9223372036854775807}\tboom',
    '90.0',
  ]);
  expect(loads).toBe(1); // no reload for a dependency found late
});
