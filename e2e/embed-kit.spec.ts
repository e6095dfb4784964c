/**
 * The embed kit as a documentation site uses it: a plain HTML page on a second origin (allowed
 * by EMBED_ORIGINS, see playwright.config.ts) includes the playground's /embed.js and gets
 * widgets, declared (`<lua-playground>`), upgraded from Markdown's code blocks, and mounted
 * through the SDK. Runs go to the demo servers through the relay.
 */
import { test, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startDocsHost } from './docs-host.ts';
import type { DocsHost } from './docs-host.ts';

const DOCS_PORT = Number(process.env.E2E_DOCS_PORT);

// The documentation origin is one fixed port (the server's EMBED_ORIGINS names it), so this
// file's tests share one worker and one docs host instead of racing for the port.
test.describe.configure({ mode: 'default' });

/** "メッセージループ" of the original page (websocket-client.ja.md), unchanged. */
const MESSAGE_LOOP = `local ch = client:channel()

while true do
    local msg, ok = ch:receive()
    if not ok then
        break  -- 接続がクローズ
    end

    if msg.type == "text" then
        local data = json.decode(msg.data)
        handle_message(data)
    end
end`;

function docsPage(playground: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Docs</title>
<script>
  // Everything any frame posts to this page, as the page receives it.
  window.received = [];
  addEventListener('message', (e) => received.push(JSON.stringify(e.data)));
</script>
<script src="${playground}/embed.js" data-upgrade-code-blocks></script>
</head>
<body>
<h1>WebSocket client</h1>
<p>Echo through the relay:</p>
<lua-playground id="echo" title="Echo" transport="relay">
  <script type="text/lua">
    local websocket = require("websocket")
    local client = assert(websocket.connect("wss://api.example.com/ws"))
    client:send("hello docs")
    local msg = client:channel():receive()
    print("echo: " .. msg.data)
    client:close()
  </script>
</lua-playground>
<p>The original page's message loop, verbatim; its set-up (client, handle_message) hidden:</p>
<pre><code class="language-lua-setup">websocket = require("websocket")
token = "demo-token-42"
client = assert(websocket.connect("wss://api.example.com/ws", {
    headers = {["Authorization"] = "Bearer " .. token}
}))
local handled = 0
function handle_message(data)
    print("handled " .. data.n)
    handled = handled + 1
    if handled == 2 then client:close() end -- the loop then ends
end
client:send(json.encode({n = 1}))
client:send(json.encode({n = 2}))</code></pre>
<pre><code class="language-lua">${MESSAGE_LOOP}</code></pre>
<div id="sdk"></div>
<script>
  window.events = [];
  const sdk = LuaPlayground.mount(document.getElementById('sdk'), {
    title: 'SDK',
    transport: 'relay',
    code: [
      'local websocket = require("websocket")',
      'local c = assert(websocket.connect("ws://api.example.com/ws"))',
      'c:send("via sdk")',
      'print(c:channel():receive().data)',
      'c:close()',
      'for i = 1, 25 do print("row " .. i) end',
    ].join('\\n'),
  });
  for (const name of ['status', 'output', 'connection', 'frame', 'end'])
    sdk.on(name, (event) => events.push({ name, event }));
  sdk.ready.then(() => (window.sdkReady = true));
  window.sdk = sdk;
</script>
</body>
</html>`;
}

interface Recorded {
  name: string;
  event: Record<string, unknown>;
}

const events = (page: Page) =>
  page.evaluate(() => (window as unknown as { events: Recorded[] }).events);

let docs: DocsHost;

test.beforeAll(async ({ baseURL }) => {
  docs = await startDocsHost(DOCS_PORT, { '/': docsPage(baseURL!) });
});
test.afterAll(async () => {
  await docs.close();
});

test('widgets on a documentation page run by a click, with a hidden prelude', async ({ page }) => {
  await page.goto(`${docs.origin}/`);
  const echoWidget = page.locator('#echo');
  const snippetWidget = page.locator('lua-playground:not(#echo)');
  await expect(page.locator('lua-playground')).toHaveCount(2); // declared, upgraded
  const echo = page.frameLocator('#echo iframe');
  const snippet = page.frameLocator('lua-playground:not(#echo) iframe');

  // Nothing ran by itself; Run is enabled before any frame exists.
  await expect(echoWidget.getByTestId('toolbar.run')).toBeEnabled();
  await expect(echoWidget.getByTestId('run.status')).toHaveText('idle');
  await expect(snippetWidget.getByTestId('run.status')).toHaveText('idle');
  await expect(page.locator('iframe')).toHaveCount(0);

  // The set-up block is hidden on the page and absent from the widget's code.
  await expect(page.locator('pre:has(> code.language-lua-setup)')).toBeHidden();
  await expect(snippetWidget.getByTestId('embed.code')).toHaveText(MESSAGE_LOOP);
  await expect(snippetWidget.getByTestId('embed.code')).not.toContainText('demo-token-42');

  await echoWidget.getByTestId('toolbar.run').click();
  await expect(echo.getByTestId('run.status')).toHaveText('finished');
  await expect(echo.locator('[data-stream="stdout"]')).toHaveText(['echo: hello docs']);
  await expect(echo.getByTestId('embed.connections')).toContainText('wss://api.example.com/ws');
  await expect(echo.getByTestId('embed.connections')).toContainText('closed 1000');

  await snippetWidget.getByTestId('toolbar.run').click();
  await expect(snippet.getByTestId('run.status')).toHaveText('finished');
  await expect(snippet.getByTestId('embed.code')).not.toContainText('demo-token-42');
  await expect(snippet.locator('[data-stream="stdout"]')).toHaveText(['handled 1', 'handled 2']);
  // "Open in playground" carries the prelude and the code.
  const href = await snippet.getByTestId('embed.open').getAttribute('href');
  const code = Buffer.from(new URL(href!).hash.match(/code=([^&]+)/)![1]!, 'base64url').toString();
  expect(code).toContain('token = "demo-token-42"');
  expect(code).toContain(MESSAGE_LOOP);
});

test('a press on Run that the frame arrives under still runs', async ({ page }) => {
  await page.goto(`${docs.origin}/`);
  const run = page.locator('#echo').getByTestId('toolbar.run');
  const box = (await run.boundingBox())!;
  // The pointer entering the widget makes its frame; the button is pressed before it loads
  // and released after, as a quick reader does.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.evaluate(
    () =>
      (document.querySelector('#echo') as unknown as { playground: { loaded: Promise<void> } })
        .playground.loaded,
  );
  await page.mouse.up();
  const echo = page.frameLocator('#echo iframe');
  await expect(echo.getByTestId('run.status')).toHaveText('finished');
  await expect(echo.locator('[data-stream="stdout"]')).toHaveText(['echo: hello docs']);
  await expect(page.locator('#echo').getByTestId('toolbar.run')).toHaveCount(0); // swapped
});

test('the SDK drives a widget and hears its events; the height follows the output', async ({
  page,
}) => {
  await page.goto(`${docs.origin}/`);
  await page.waitForFunction(() => (window as unknown as { sdkReady?: boolean }).sdkReady);
  const widget = page.locator('#sdk');
  const before = (await widget.boundingBox())!.height;

  await page.evaluate(() => (window as unknown as { sdk: { run(): void } }).sdk.run());
  await expect.poll(async () => (await events(page)).some((e) => e.name === 'end')).toBe(true);
  const seen = await events(page);
  const end = seen.find((e) => e.name === 'end')!.event as {
    status: string;
    output: { stream: string; text: string }[];
    connections: { url: string; closeCode?: number }[];
    session: { format: string; connections: { frames: { direction: string; data?: string }[] }[] };
  };
  expect(end.status).toBe('finished');
  // The session is the one the inspector exports and `npm run lua -- --export` writes.
  expect(end.session.format).toBe('lua-playground-session');
  expect(end.session.connections[0].frames).toContainEqual(
    expect.objectContaining({ direction: 'in', data: 'via sdk' }),
  );
  expect(end.output.map((o) => o.text)).toEqual([
    'via sdk',
    ...Array.from({ length: 25 }, (_, i) => `row ${i + 1}`),
  ]);
  expect(end.connections).toEqual([
    expect.objectContaining({ url: 'ws://api.example.com/ws', closeCode: 1000 }),
  ]);
  const statuses = seen.filter((e) => e.name === 'status').map((e) => e.event.status);
  expect(statuses).toEqual(['running', 'finished']);
  expect(seen.filter((e) => e.name === 'output')).toHaveLength(26);
  expect(seen.some((e) => e.name === 'connection')).toBe(true);
  const frames = seen.filter((e) => e.name === 'frame').map((e) => e.event);
  expect(frames).toContainEqual(
    expect.objectContaining({ direction: 'out', kind: 'text', preview: 'via sdk' }),
  );
  expect(frames).toContainEqual(
    expect.objectContaining({ direction: 'in', kind: 'text', preview: 'via sdk' }),
  );

  // The frame grew with the 26 lines of output.
  await expect.poll(async () => (await widget.boundingBox())!.height).toBeGreaterThan(before + 100);
  const frame = page.frameLocator('#sdk iframe');
  await expect(frame.locator('[data-stream="stdout"]')).toHaveCount(26);
});

test('stop() ends an infinite loop', async ({ page }) => {
  await page.goto(`${docs.origin}/`);
  await page.waitForFunction(() => (window as unknown as { sdkReady?: boolean }).sdkReady);
  await page.evaluate(() => {
    const w = window as unknown as { sdk: { setCode(c: string): void; run(): void } };
    w.sdk.setCode('print("spinning")\nwhile true do end');
    w.sdk.run();
  });
  const frame = page.frameLocator('#sdk iframe');
  await expect(frame.getByTestId('run.status')).toHaveText('running');
  await expect(frame.locator('[data-stream="stdout"]')).toHaveText(['spinning']);
  await page.evaluate(() => (window as unknown as { sdk: { stop(): void } }).sdk.stop());
  await expect
    .poll(async () => (await events(page)).find((e) => e.name === 'end')?.event.status)
    .toBe('stopped');
  await expect(frame.getByTestId('run.status')).toHaveText('idle');
});

test('the relay token never reaches the host page', async ({ page, request, baseURL }) => {
  const frameHtml = await (await request.get(`${baseURL}/embed/frame`)).text();
  const token = frameHtml.match(/"token":"([^"]+)"/)![1]!;
  expect(token.length).toBeGreaterThan(16);

  await page.goto(`${docs.origin}/`);
  await page.waitForFunction(() => (window as unknown as { sdkReady?: boolean }).sdkReady);
  await page.locator('#echo').getByTestId('toolbar.run').click();
  await expect(page.frameLocator('#echo iframe').getByTestId('run.status')).toHaveText('finished');
  await page.evaluate(() => (window as unknown as { sdk: { run(): void } }).sdk.run());
  await expect.poll(async () => (await events(page)).some((e) => e.name === 'end')).toBe(true);

  const html = await page.evaluate(() => document.documentElement.outerHTML);
  const received = await page.evaluate(
    () => (window as unknown as { received: string[] }).received,
  );
  expect(received.length).toBeGreaterThan(5);
  expect(html).not.toContain(token);
  for (const message of received) expect(message).not.toContain(token);
  // The host page cannot look into the widget either.
  const reachable = await page.evaluate(() => {
    try {
      return Boolean(document.querySelector<HTMLIFrameElement>('#echo iframe')!.contentDocument);
    } catch {
      return false;
    }
  });
  expect(reachable).toBe(false);
});

test('a page from an origin not in EMBED_ORIGINS cannot frame a widget', async ({
  page,
  baseURL,
}) => {
  const other = await startDocsHost(0, { '/': docsPage(baseURL!) });
  try {
    const refused = page.waitForEvent('console', (m) => /frame-ancestors/.test(m.text()));
    await page.goto(`${other.origin}/`);
    await page.locator('#echo').getByTestId('toolbar.run').click();
    expect((await refused).text()).toMatch(/violates .*frame-ancestors.* has been blocked/s);
    await expect(page.locator('#echo iframe')).toHaveCount(1);
    await expect(page.locator('#echo').getByTestId('embed.failed')).toContainText('EMBED_ORIGINS');
    // The frames show the browser's error page: no widget ever said it was ready.
    const widgetFrames = page.frames().filter((f) => f !== page.mainFrame());
    expect(widgetFrames.length).toBeGreaterThan(0);
    for (const f of widgetFrames) expect(f.url()).not.toContain('/embed/frame');
    const messages = await page.evaluate(
      () => (window as unknown as { received: string[] }).received,
    );
    expect(messages.filter((m) => m.includes('lua-playground-embed'))).toEqual([]);
  } finally {
    await other.close();
  }
});

test('widgets follow the page between light and dark', async ({ page }) => {
  await page.goto(`${docs.origin}/`);
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
  await page.locator('#echo').getByTestId('embed.code').hover(); // makes the frame
  const frameTheme = () =>
    page
      .frames()
      .find((f) => f.url().includes('/embed/frame'))
      ?.evaluate(() => document.documentElement.dataset.theme);
  await expect.poll(frameTheme).toBe('dark');
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
  await expect.poll(frameTheme).toBe('light');
});

test("setPolicy() gives the widget's next run that policy", async ({ page }) => {
  await page.goto(`${docs.origin}/`);
  await page.evaluate(() => {
    const w = window as unknown as {
      sdk: { setCode(c: string): void; setPolicy(p: string): void; run(): void };
    };
    w.sdk.setPolicy(JSON.stringify({ version: 1, default: 'deny', rules: [] }));
    w.sdk.setCode(
      'local c, err = websocket.connect("ws://api.example.com/ws")\nprint(err and err:kind())',
    );
    w.sdk.run();
  });
  await expect
    .poll(async () => (await events(page)).find((e) => e.name === 'end')?.event)
    .toMatchObject({ status: 'finished', output: [{ text: 'PermissionDenied' }] });
});
