/**
 * Cold load: a fresh browser context (empty cache) opens the playground. Run is ready as soon
 * as the page shell is (the code lives in the app's state; Monaco loads after it), so Run is
 * pressed at once and the figures are: until Run is enabled, until the script's output is in
 * the console, and until the editor shows. JavaScript fetched before Run was ready is the
 * initial size; every file (workers and the editor chunk included) is the total, raw and gzip.
 */
import { gzipSync } from 'node:zlib';
import type { BenchBrowser } from './browser.ts';
import { codeUrl } from './browser.ts';
import { ms } from './report.ts';
import type { Result } from './report.ts';

const kB = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-US')} kB`;

interface Script {
  at: number;
  body: Promise<Buffer>;
}

async function sizes(scripts: Script[]): Promise<string> {
  const bodies = await Promise.all(scripts.map((s) => s.body));
  const raw = bodies.reduce((sum, b) => sum + b.length, 0);
  const gzip = bodies.reduce((sum, b) => sum + gzipSync(b).length, 0);
  return `${bodies.length} file${bodies.length === 1 ? '' : 's'}, ${kB(raw)} (${kB(gzip)} gzip)`;
}

export async function benchColdLoad(bb: BenchBrowser, report: (r: Result) => void): Promise<void> {
  const { context, page } = await bb.newPage('auto');
  const scripts: Script[] = [];
  const started = performance.now();
  context.on('response', (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (/javascript/.test(type))
      scripts.push({ at: performance.now() - started, body: response.body() });
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
  await context.close();

  report({
    bench: 'Cold load (empty cache, loopback)',
    measured: `Run ready ${ms(runReady)}; first script output ${ms(firstOutput)}; editor ready ${ms(editorReady)}`,
    target: '',
    met: null,
  });
  report({
    bench: 'JavaScript: before Run is ready / in all',
    measured: `${await sizes(scripts.filter((s) => s.at <= runReady))} / ${await sizes(scripts)}`,
    target: '',
    met: null,
  });
}
