/**
 * Cold load: a fresh browser context (empty cache) opens the playground; how long until the
 * editor shows with Run enabled, and until a first script's output is in the console. Every
 * JavaScript file fetched on the way (workers included) is counted, raw and gzip-compressed.
 */
import { gzipSync } from 'node:zlib';
import type { BenchBrowser } from './browser.ts';
import { codeUrl } from './browser.ts';
import { ms } from './report.ts';
import type { Result } from './report.ts';

const kB = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-US')} kB`;

export async function benchColdLoad(bb: BenchBrowser, report: (r: Result) => void): Promise<void> {
  const { context, page } = await bb.newPage('auto');
  const scripts: Promise<Buffer>[] = [];
  context.on('response', (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (/javascript/.test(type)) scripts.push(response.body());
  });

  const started = performance.now();
  await page.goto(codeUrl(bb.playground, 'print("ready")'));
  await page.locator('.monaco-editor .view-lines').waitFor();
  await page.getByTestId('toolbar.run').and(page.locator(':enabled')).waitFor();
  const editorReady = performance.now() - started;
  await page.getByTestId('toolbar.run').click();
  await page.getByTestId('console.output').filter({ hasText: 'ready' }).waitFor();
  const firstOutput = performance.now() - started;

  const bodies = await Promise.all(scripts);
  await context.close();
  const raw = bodies.reduce((sum, b) => sum + b.length, 0);
  const gzip = bodies.reduce((sum, b) => sum + gzipSync(b).length, 0);
  report({
    bench: 'Cold load (empty cache, loopback)',
    measured: `editor and Run ready ${ms(editorReady)}; first script output ${ms(firstOutput)}`,
    target: '',
    met: null,
  });
  report({
    bench: 'JavaScript loaded until the first run',
    measured: `${bodies.length} files, ${kB(raw)} (${kB(gzip)} gzip)`,
    target: '',
    met: null,
  });
}
