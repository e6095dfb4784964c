/**
 * Documentation pages with widgets: a plain HTML page on a second origin includes /embed.js
 * and declares 1 or 20 `<lua-playground>` widgets. The figure is the time from navigation to
 * "every Run enabled" (every widget's `ready`, in the page's own clock), each in a fresh
 * context (empty cache), median of a few loads; the goal is that 20 widgets cost at most 1.5x
 * one. Also checked: no Monaco is fetched until a widget is edited, and then it is.
 *
 * Its own playground instance, since EMBED_ORIGINS must name the page's origin at start.
 */
import type { Browser } from 'playwright-core';
import { startDocsHost } from '../e2e/docs-host.ts';
import { startPlayground } from '../src/server/start.ts';
import { ms } from './report.ts';
import type { Result } from './report.ts';

const LOADS = 5;

function widgetPage(playground: string, count: number): string {
  const widgets = Array.from(
    { length: count },
    (_, i) => `<h2>Example ${i + 1}</h2>
<lua-playground title="example ${i + 1}"><script type="text/lua">
local websocket = require("websocket")
local client, err = websocket.connect("wss://api.example.com/ws")
if err then return nil, err end
client:send("hello " .. ${i + 1})
print(client:channel():receive().data)
client:close()
</script></lua-playground>`,
  ).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8">
<script src="${playground}/embed.js"></script></head><body>
${widgets}
<script>
  // The widgets mount once the document is parsed (their listeners were added first).
  addEventListener('DOMContentLoaded', () => {
    const handles = [...document.querySelectorAll('lua-playground')].map((el) => el.playground);
    Promise.all(handles.map((h) => h.ready)).then(() => (window.allReady = performance.now()));
  });
</script>
</body></html>`;
}

/** Monaco's code names its own CSS classes; the widget's code never does. */
const isMonaco = (body: Buffer) => body.includes('monaco-editor');

async function load(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const scripts: Promise<Buffer>[] = [];
  page.on('response', (r) => {
    if (/javascript/.test(r.headers()['content-type'] ?? '')) scripts.push(r.body());
  });
  await page.goto(url);
  const ready = (await (
    await page.waitForFunction(() => (window as unknown as { allReady?: number }).allReady)
  ).jsonValue()) as number;
  const monacoBefore = (await Promise.all(scripts)).some(isMonaco);
  return { context, page, ready, monacoBefore, scripts };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchEmbedWidgets(
  browser: Browser,
  report: (r: Result) => void,
): Promise<void> {
  // The pages are filled in once the playground's address is known (it must know theirs).
  const pages: Record<string, string> = {};
  const docs = await startDocsHost(0, pages);
  const playground = await startPlayground({
    port: 0,
    build: 'never',
    env: { ...process.env, EMBED_ORIGINS: docs.origin },
    log: () => {},
  });
  try {
    const origin = playground.url.replace(/\/$/, '');
    pages['/one'] = widgetPage(origin, 1);
    pages['/twenty'] = widgetPage(origin, 20);
    const times = { one: [] as number[], twenty: [] as number[] };
    let monacoBefore = false;
    for (let i = 0; i < LOADS; i++) {
      for (const which of ['one', 'twenty'] as const) {
        const r = await load(browser, `${docs.origin}/${which}`);
        times[which].push(r.ready);
        monacoBefore ||= r.monacoBefore;
        await r.context.close();
      }
    }
    // What the light start costs at the first Run: the widget's frame and worker start then.
    const r = await load(browser, `${docs.origin}/twenty`);
    const clicked = performance.now();
    await r.page.locator('lua-playground').nth(1).getByTestId('toolbar.run').click();
    await r.page
      .frameLocator('lua-playground iframe')
      .first()
      .locator('[data-stream="stdout"]')
      .waitFor();
    const firstRun = performance.now() - clicked;
    // A positive control: editing a widget does load Monaco.
    await r.page.locator('lua-playground').first().getByTestId('embed.code').click();
    const frame = r.page.frameLocator('lua-playground iframe').first();
    await frame.locator('.monaco-editor .view-lines').waitFor();
    const monacoAfter = (await Promise.all(r.scripts)).some(isMonaco);
    await r.context.close();

    const one = median(times.one);
    const twenty = median(times.twenty);
    const ratio = twenty / one;
    report({
      bench: 'Docs page: every Run enabled, 20 widgets vs 1',
      measured: `${ms(twenty)} vs ${ms(one)} (${ratio.toFixed(2)}x; median of ${LOADS} cold loads)`,
      target: '≤ 1.5x',
      met: ratio <= 1.5,
    });
    report({
      bench: 'Docs page: first Run click to first output (frame made on use)',
      measured: ms(firstRun),
      target: '',
      met: null,
    });
    report({
      bench: 'Docs page: Monaco fetched before / after editing a widget',
      measured: `${monacoBefore ? 'yes' : 'no'} / ${monacoAfter ? 'yes' : 'no'}`,
      target: 'no / yes',
      met: !monacoBefore && monacoAfter,
    });
  } finally {
    await playground.close();
    await docs.close();
  }
}
