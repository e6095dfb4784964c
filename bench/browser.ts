/**
 * The benchmarks' browser side: Debian's Chromium on the playground that `npm start` serves
 * (started in-process), a script run through the real page, and raw JavaScript evaluated in
 * the same browser for the baselines.
 */
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../e2e/chromium.ts';
import { buildIfStale } from '../src/server/build-if-stale.ts';
import { startPlaygroundProcess } from './playground-process.ts';
import type { PlaygroundProcess } from './playground-process.ts';
import type { TransportMode } from '../src/shared/worker-protocol.ts';

export interface BenchBrowser {
  browser: Browser;
  /** The playground in a process of its own, as `npm start` runs it (playground-process.ts). */
  playground: PlaygroundProcess;
  /** A fresh context (empty cache and storage) whose page uses `transport`. */
  newPage(transport?: TransportMode): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export async function startBenchBrowser(): Promise<BenchBrowser> {
  // Built here, once, so that the child does not build (or print) anything itself.
  await buildIfStale(fileURLToPath(new URL('..', import.meta.url)), () => {}, false);
  const playground = await startPlaygroundProcess();
  const browser = await chromium.launch({ ...chromiumLaunchOptions, headless: true });
  return {
    browser,
    playground,
    async newPage(transport = 'auto') {
      const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
      await context.addInitScript((mode) => {
        localStorage.setItem(
          'lua-playground.settings.v1',
          JSON.stringify({ transport: mode, demoHosts: true }),
        );
      }, transport);
      return { context, page: await context.newPage() };
    },
    async close() {
      await browser.close();
      await playground.close();
    },
  };
}

export function codeUrl(playground: { url: string }, code: string): string {
  return `${playground.url}#code=${Buffer.from(code, 'utf8').toString('base64url')}`;
}

/**
 * Open the page on a permalink and wait until it has settled: idle, with the editor (which
 * loads after the page) shown, so its one-time start-up work is not measured with the run.
 */
export async function openCode(page: Page, url: string): Promise<void> {
  // From a page already on the playground, a new #code= would be a same-document navigation
  // that the app does not reload for.
  await page.goto('about:blank');
  await page.goto(url);
  await page.getByTestId('run.status').filter({ hasText: 'idle' }).waitFor();
  await page.locator('.monaco-editor .view-lines').first().waitFor();
}

/** Press Run, wait for the end, return the console's text; a failed run throws. */
export async function runAndRead(page: Page, timeoutMs = 180_000): Promise<string> {
  await page.getByTestId('toolbar.run').click();
  await page.waitForFunction(
    () => {
      const text = document.querySelector('[data-testid="run.status"]')?.textContent;
      return text === 'finished' || text === 'error';
    },
    null,
    { timeout: timeoutMs, polling: 100 },
  );
  const status = await page.getByTestId('run.status').textContent();
  // The console redraws at most ten times a second: wait for its last line of the run.
  if (status === 'finished')
    await page.getByTestId('console.output').filter({ hasText: 'Finished in' }).waitFor();
  const output = (await page.getByTestId('console.output').textContent()) ?? '';
  if (status !== 'finished') throw new Error(`run failed: ${output}`);
  return output;
}

export async function runInPage(page: Page, url: string): Promise<string> {
  await openCode(page, url);
  return runAndRead(page);
}

/**
 * The first number after `label` in a run's output ("rate 1234" → 1234). The page runs the
 * platform's Lua by default, whose print joins with a space and writes a float of 1e6 and
 * more in Go's exponent form ("1.2345675e+06"); Lua 5.3 joins with a tab.
 */
export function readFigure(output: string, label: string): number {
  const match = new RegExp(`${label}\\s+(-?[\\d.]+(?:e[+-]?\\d+)?)`).exec(output);
  if (!match) throw new Error(`no "${label}" in the output: ${output.slice(-300)}`);
  return Number(match[1]);
}

/**
 * Run `source` (the body of a dedicated worker's onmessage handler, given `arg` as `e.data`)
 * in a worker of the page and return what it posts first. The Lua runtime lives in a worker
 * too, so this is the raw baseline in the same environment.
 */
export async function runRawWorker<T>(page: Page, source: string, arg: unknown): Promise<T> {
  return page.evaluate(
    ([body, data]) =>
      new Promise<T>((resolve, reject) => {
        const url = URL.createObjectURL(
          new Blob([`onmessage = (e) => { ${body} };`], { type: 'text/javascript' }),
        );
        const worker = new Worker(url);
        worker.onmessage = (e: MessageEvent<T>) => {
          worker.terminate();
          resolve(e.data);
        };
        worker.onerror = (e) => reject(new Error(e.message));
        worker.postMessage(data);
      }),
    [source, arg] as const,
  );
}

/** The same `source` as runRawWorker takes, run on the page's own thread instead. */
export async function runRawOnPage<T>(page: Page, source: string, arg: unknown): Promise<T> {
  // An expression evaluated by the debugger protocol, not `new Function` in the page: the
  // page's Content-Security-Policy allows no eval (src/server/embed-routes.ts).
  return page.evaluate(
    `new Promise((resolve) => {
      // The worker's names: \`e.data\` is the argument, \`postMessage\` hands back the result.
      const e = { data: ${JSON.stringify(arg)} };
      const postMessage = resolve;
      ${source}
    })`,
  ) as Promise<T>;
}
