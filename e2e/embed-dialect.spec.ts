/**
 * The dialect of embedded widgets: `<lua-playground dialect=…>`, `data-dialect` on an upgraded
 * code block and the SDK option each run their widget in that dialect, the widget's run line
 * names it, and "Open in playground" carries it. The host page is served on the playground's
 * own origin (which may always embed it) through a route, so this file needs no docs port.
 */
import { test, expect } from '@playwright/test';
import type { Page } from '@playwright/test';

const HOST_PATH = '/e2e-embed-dialect-host.html';
const LUA53_OUTPUT = '5.0\t0.33333333333333';

const HOST_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Dialects</title>
<script src="/embed.js" data-upgrade-code-blocks></script>
</head>
<body>
<lua-playground id="declared" dialect="lua53" types="strict">
  <script type="text/lua">print(10/2, 1/3)</script>
</lua-playground>
<lua-playground id="default">
  <script type="text/lua">print("default")</script>
</lua-playground>
<div id="upgraded"><pre data-dialect="lua53"><code class="language-lua">print(10/2, 1/3)</code></pre></div>
<div id="sdk"></div>
<script>
  window.sdk = LuaPlayground.mount(document.getElementById('sdk'), {
    code: 'print(10/2, 1/3)',
    dialect: 'lua53',
  });
  try {
    LuaPlayground.mount(document.createElement('div'), { code: '', dialect: 'lua5.4' });
  } catch (e) {
    window.badDialect = e.name + ': ' + e.message;
  }
</script>
</body>
</html>`;

async function openHost(page: Page, baseURL: string): Promise<void> {
  await page.route(`${baseURL}${HOST_PATH}`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: HOST_PAGE }),
  );
  await page.goto(`${baseURL}${HOST_PATH}`);
}

/** Click the widget's Run and wait for the run in its frame to finish. */
async function runWidget(page: Page, container: string) {
  await page.locator(container).getByTestId('toolbar.run').click();
  const frame = page.frameLocator(`${container} iframe`);
  await expect(frame.getByTestId('run.status')).toHaveText('finished', { timeout: 25_000 });
  return frame;
}

test('each way of declaring a widget runs it in its dialect and names it', async ({
  page,
  baseURL,
}) => {
  await openHost(page, baseURL!);

  const declared = await runWidget(page, '#declared');
  await expect(declared.locator('[data-stream="stdout"]')).toHaveText([LUA53_OUTPUT]);
  await expect(declared.locator('[data-stream="info"]').first()).toHaveText(/^Run #\d+ · Lua 5\.3/);
  // "Open in playground" carries the dialect and the type-check mode.
  const href = await declared.getByTestId('embed.open').getAttribute('href');
  expect(href).toContain('&dialect=lua53');
  expect(href).toContain('&types=strict');

  const upgraded = await runWidget(page, '#upgraded');
  await expect(upgraded.locator('[data-stream="stdout"]')).toHaveText([LUA53_OUTPUT]);

  const sdk = await runWidget(page, '#sdk');
  await expect(sdk.locator('[data-stream="stdout"]')).toHaveText([LUA53_OUTPUT]);

  // Without a dialect: the product default, the platform's Lua.
  const plain = await runWidget(page, '#default');
  await expect(plain.locator('[data-stream="stdout"]')).toHaveText(['default']);
  await expect(plain.locator('[data-stream="info"]').first()).toHaveText(/^Run #\d+ · Wippy Lua/);
  expect(await plain.getByTestId('embed.open').getAttribute('href')).toContain('&dialect=wippy');
});

test('the SDK refuses a dialect it does not have, naming the choices', async ({
  page,
  baseURL,
}) => {
  await openHost(page, baseURL!);
  const message = await page.evaluate(
    () => (window as unknown as { badDialect?: string }).badDialect,
  );
  expect(message).toBe(
    'TypeError: LuaPlayground.mount: option dialect must be "wippy" or "lua53" (got "lua5.4")',
  );
});
