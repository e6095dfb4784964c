/**
 * The playground in the quiet browser (quiet-browser.ts): the steps of browser.ts's openCode,
 * runAndRead and runRawWorker, done by the page itself through Runtime.evaluate.
 */
import type { QuietBrowser, QuietPage } from './quiet-browser.ts';

/** A page of the playground with its settings (transport) stored before the app starts. */
export async function openQuietPlayground(
  quiet: QuietBrowser,
  playgroundUrl: string,
  settings: object,
): Promise<QuietPage> {
  const page = await quiet.newPage();
  await page.navigate(playgroundUrl);
  await page.evaluate(
    `localStorage.setItem('lua-playground.settings.v1', ${JSON.stringify(JSON.stringify(settings))})`,
  );
  return page;
}

/** Wait in the page until `condition` (an expression) holds. */
function waitInPage(page: QuietPage, condition: string, timeoutMs = 30_000): Promise<void> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (${condition}) { clearInterval(timer); resolve(); }
      else if (Date.now() - started > ${timeoutMs}) { clearInterval(timer); reject(new Error('timed out waiting for ' + ${JSON.stringify(condition)})); }
    }, 50);
  })`);
}

const byTestId = (id: string) => `document.querySelector('[data-testid="${id}"]')`;

/** browser.ts's openCode: the permalink loaded and settled (idle, editor shown). */
export async function quietOpenCode(page: QuietPage, url: string): Promise<void> {
  // From a page already on the playground, a new #code= would not reload the app.
  await page.navigate('about:blank');
  await page.navigate(url);
  await waitInPage(
    page,
    `${byTestId('run.status')}?.textContent === 'idle' && document.querySelector('.monaco-editor .view-lines')`,
  );
}

/** browser.ts's runAndRead: press Run, wait for the end, return the console's text. */
export async function quietRunAndRead(page: QuietPage, timeoutMs = 180_000): Promise<string> {
  await page.evaluate(`${byTestId('toolbar.run')}.click()`);
  const status = `${byTestId('run.status')}?.textContent`;
  // The console redraws at most ten times a second: wait for its last line of the run.
  await waitInPage(
    page,
    `${status} === 'error' || (${status} === 'finished' && ${byTestId('console.output')}?.textContent.includes('Finished in'))`,
    timeoutMs,
  );
  const output = await page.evaluate<string>(`${byTestId('console.output')}?.textContent ?? ''`);
  if ((await page.evaluate<string>(status)) !== 'finished')
    throw new Error(`run failed: ${output}`);
  return output;
}

export async function quietRunLua(page: QuietPage, url: string): Promise<string> {
  await quietOpenCode(page, url);
  return quietRunAndRead(page);
}

/** browser.ts's runRawWorker, through the quiet connection. */
export function quietRawWorker<T>(page: QuietPage, source: string, arg: unknown): Promise<T> {
  return page.evaluate<T>(`new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([${JSON.stringify(`onmessage = (e) => { ${source} };`)}], { type: 'text/javascript' }));
    const worker = new Worker(url);
    worker.onmessage = (e) => { worker.terminate(); resolve(e.data); };
    worker.onerror = (e) => reject(new Error(e.message));
    worker.postMessage(${JSON.stringify(arg)});
  })`);
}
