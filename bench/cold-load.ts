/**
 * Cold load: a fresh browser context (empty cache) opens the playground. Run is ready as soon
 * as the page shell is (the code lives in the app's state; Monaco loads after it), so Run is
 * pressed at once and the figures are: until Run is enabled, until the script's output is in
 * the console, and until the editor shows. Bytes are counted for every response, before Run
 * was ready and in all (workers and the editor chunk included): as transferred (the server
 * sends precompressed brotli or gzip, src/server/precompress.ts) and as the files themselves
 * (what a server without compression would send).
 */
import type { Request } from 'playwright-core';
import type { BenchBrowser } from './browser.ts';
import { codeUrl } from './browser.ts';
import { ms } from './report.ts';
import type { Result } from './report.ts';

const kB = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-US')} kB`;

interface Fetched {
  /** ms after navigation when the response had arrived whole */
  at: number;
  /** Body bytes on the wire (encoded) plus the response headers. */
  transferred: number;
  /** The body as the page uses it (decoded). */
  size: number;
  encoding: string;
}

function totals(fetched: Fetched[]): string {
  const transferred = fetched.reduce((sum, f) => sum + f.transferred, 0);
  const size = fetched.reduce((sum, f) => sum + f.size, 0);
  const compressed = fetched.filter((f) => f.encoding === 'br' || f.encoding === 'gzip').length;
  return (
    `${fetched.length} files, ${kB(transferred)} transferred (${kB(size)} uncompressed; ` +
    `${compressed} sent compressed)`
  );
}

async function measure(request: Request, at: number): Promise<Fetched | null> {
  const response = await request.response();
  if (!response) return null;
  const [sizes, body] = await Promise.all([
    request.sizes(),
    response.body().catch(() => Buffer.alloc(0)),
  ]);
  return {
    at,
    transferred: sizes.responseBodySize + sizes.responseHeadersSize,
    size: body.length,
    encoding: (await response.headerValue('content-encoding')) ?? '',
  };
}

export async function benchColdLoad(bb: BenchBrowser, report: (r: Result) => void): Promise<void> {
  const { context, page } = await bb.newPage('auto');
  const fetched: Promise<Fetched | null>[] = [];
  const started = performance.now();
  // Workers' requests too: the context sees them, the page alone would not.
  context.on('requestfinished', (request) => {
    fetched.push(measure(request, performance.now() - started));
  });

  await page.goto(codeUrl(bb.playground, 'print("ready")'));
  const run = page.getByTestId('toolbar.run');
  await run.and(page.locator(':enabled')).waitFor();
  const runReady = performance.now() - started;
  await run.click();
  await page.getByTestId('console.output').filter({ hasText: 'ready' }).waitFor();
  const firstOutput = performance.now() - started;
  await page.locator('.monaco-editor .view-lines').first().waitFor();
  const editorReady = performance.now() - started;
  // The editor's worker starts after the editor; give it a moment to be counted.
  await page.waitForTimeout(1000);
  const all = (await Promise.all(fetched)).filter((f): f is Fetched => f !== null);
  await context.close();

  report({
    bench: 'Cold load (empty cache, loopback)',
    measured: `Run ready ${ms(runReady)}; first script output ${ms(firstOutput)}; editor ready ${ms(editorReady)}`,
    target: '',
    met: null,
  });
  report({
    bench: 'Bytes before Run is ready',
    measured: totals(all.filter((f) => f.at <= runReady)),
    target: '',
    met: null,
  });
  report({
    bench: 'Bytes in all (first visit)',
    measured: totals(all),
    target: '',
    met: null,
  });
}
