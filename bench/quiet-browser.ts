/**
 * Debian's Chromium driven through a bare DevTools connection that enables no domain, for the
 * round-trip benchmarks. Playwright enables the Network domain on every page and worker, so
 * each WebSocket frame also becomes DevTools events that the renderer serialises, the browser
 * process forwards and Playwright parses: on two cores that work competes with the relay and
 * the echo server for the same CPUs, and no real user has it. Measured: a raw worker echo
 * takes ~0.3 ms per round trip under Playwright and ~0.1 ms without it.
 *
 * Only Target.*, Page.navigate and Runtime.evaluate are sent (and Tracing.* while a trace is
 * taken): the page runs as it would for a user, with no event reported back.
 *
 *   const quiet = await startQuietBrowser();
 *   const page = await quiet.newPage();
 *   await page.navigate(url);
 *   const text = await page.evaluate<string>('document.title');
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { chromiumLaunchOptions } from '../e2e/chromium.ts';

export interface QuietPage {
  /** Load `url` and wait until the document has loaded. */
  navigate(url: string): Promise<void>;
  /** Evaluate an expression in the page; a promise is awaited; the value comes back as JSON. */
  evaluate<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

export interface QuietBrowser {
  newPage(): Promise<QuietPage>;
  /** Chromium's trace of `categories` while `during` runs (the Tracing domain only). */
  trace(categories: string[], during: () => Promise<void>): Promise<TraceEvent[]>;
  close(): Promise<void>;
}

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  /** CPU time of the thread. */
  tdur?: number;
  args?: { name?: string };
}

interface Reply {
  id?: number;
  result?: Record<string, unknown>;
  error?: { message: string };
  /** An event (no id): only the Tracing domain's, while a trace is taken. */
  method?: string;
  params?: { value?: TraceEvent[] };
}

const START_TIMEOUT_MS = 20_000;
const LOAD_TIMEOUT_MS = 30_000;

/** The DevTools endpoint that Chromium prints on stderr once it listens. */
function devtoolsEndpoint(stderr: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(
      () => reject(new Error(`Chromium printed no DevTools endpoint: ${text.slice(-500)}`)),
      START_TIMEOUT_MS,
    );
    stderr.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
}

export async function startQuietBrowser(): Promise<QuietBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'quiet-chromium-'));
  const child = spawn(
    chromiumLaunchOptions.executablePath,
    [
      ...chromiumLaunchOptions.args,
      '--headless',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const socket = new WebSocket(await devtoolsEndpoint(child.stderr!), { maxPayload: 0 });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });

  let nextId = 1;
  const waiting = new Map<number, { resolve(r: Reply): void }>();
  let tracing: { events: TraceEvent[]; complete(): void } | null = null;
  socket.on('message', (data) => {
    const reply = JSON.parse(data.toString()) as Reply;
    if (reply.method === 'Tracing.dataCollected')
      tracing?.events.push(...(reply.params?.value ?? []));
    if (reply.method === 'Tracing.tracingComplete') tracing?.complete();
    if (reply.id === undefined) return;
    waiting.get(reply.id)?.resolve(reply);
    waiting.delete(reply.id);
  });
  // Chromium gone (or closing on Browser.close): whatever waits for a reply gets an error.
  socket.on('close', () => {
    for (const { resolve } of waiting.values()) resolve({ error: { message: 'browser closed' } });
    waiting.clear();
  });
  async function send(
    method: string,
    params: object,
    sessionId?: string,
  ): Promise<Record<string, unknown>> {
    const id = nextId++;
    const reply = await new Promise<Reply>((resolve) => {
      waiting.set(id, { resolve });
      socket.send(JSON.stringify({ id, method, params, sessionId }));
    });
    if (reply.error) throw new Error(`${method}: ${reply.error.message}`);
    return reply.result ?? {};
  }

  return {
    async newPage() {
      const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
      const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as {
        sessionId: string;
      };
      const evaluate = async <T>(expression: string): Promise<T> => {
        const result = (await send(
          'Runtime.evaluate',
          { expression, awaitPromise: true, returnByValue: true },
          sessionId,
        )) as {
          result: { value?: T };
          exceptionDetails?: { exception?: { description?: string } };
        };
        if (result.exceptionDetails)
          throw new Error(result.exceptionDetails.exception?.description ?? 'evaluation failed');
        return result.result.value as T;
      };
      return {
        evaluate,
        async navigate(url) {
          await send('Page.navigate', { url }, sessionId);
          const deadline = Date.now() + LOAD_TIMEOUT_MS;
          // A fresh document is complete once its load event has run (no Page events here).
          while (
            (await evaluate<string>('location.href + " " + document.readyState')) !==
            `${url} complete`
          ) {
            if (Date.now() > deadline) throw new Error(`${url} did not load`);
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        },
        async close() {
          await send('Target.closeTarget', { targetId });
        },
      };
    },
    async trace(categories, during) {
      const events: TraceEvent[] = [];
      const complete = new Promise<void>((resolve) => (tracing = { events, complete: resolve }));
      await send('Tracing.start', {
        transferMode: 'ReportEvents',
        traceConfig: { includedCategories: categories },
      });
      try {
        await during();
      } finally {
        await send('Tracing.end', {});
        await complete;
        tracing = null;
      }
      return events;
    },
    async close() {
      // Browser.close lets Chromium shut its processes down and flush the profile first.
      await send('Browser.close', {}).catch(() => child.kill());
      await exited;
      socket.close();
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}
