/**
 * The UI under load: a script receives 50,000 frames (through the relay, as the page runs by
 * default) while the connections inspector is open. Chromium's own trace gives every task of
 * the page's main thread; the longest one is the figure. The browser is the quiet one
 * (quiet-browser.ts): under Playwright every frame would also become DevTools events, 100,000
 * of them competing for the two cores with the page being measured.
 */
import type { BenchBrowser } from './browser.ts';
import { codeUrl, readFigure } from './browser.ts';
import { startQuietBrowser } from './quiet-browser.ts';
import { openQuietPlayground, quietOpenCode, quietRunAndRead } from './quiet-playground.ts';
import type { TraceEvent } from './quiet-browser.ts';
import type { BenchServers } from './servers.ts';
import { count, ms } from './report.ts';
import type { Result } from './report.ts';

const FRAMES = 50_000;

const luaReader = (url: string) => `
local client = assert(websocket.connect("${url}"))
local inbox = client:channel()
client:send("go")
local received = 0
while true do
  local _, ok = inbox:receive()
  if not ok then break end
  received = received + 1
end
print("received", received)
`;

interface Task {
  wall: number;
  cpu: number;
}

/** The top-level tasks on each renderer's main thread, in ms. */
function mainThreadTasks(events: TraceEvent[]): Task[] {
  const mainThreads = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  return events
    .filter(
      (e) =>
        e.ph === 'X' &&
        (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') &&
        mainThreads.has(`${e.pid}:${e.tid}`),
    )
    .map((e) => ({ wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? 0) / 1000 }));
}

export async function benchUiFrames(
  servers: BenchServers,
  bb: BenchBrowser,
  report: (r: Result) => void,
): Promise<void> {
  const quiet = await startQuietBrowser();
  const page = await openQuietPlayground(quiet, bb.playground.url, {
    transport: 'auto',
    demoHosts: true,
  });
  await quietOpenCode(page, codeUrl(bb.playground, luaReader(servers.floodUrl(FRAMES, 32))));
  let output = '';
  const trace = await quiet.trace(
    ['toplevel', 'disabled-by-default-devtools.timeline'],
    async () => {
      output = await quietRunAndRead(page);
      // Let the inspector take in the last batches before the trace ends.
      await new Promise((resolve) => setTimeout(resolve, 500));
    },
  );
  const listed = /([\d,]+) frames/.exec(
    await page.evaluate<string>(
      `document.querySelector('[data-testid="inspector.panel"]')?.textContent ?? ''`,
    ),
  );
  await quiet.close();

  if (readFigure(output, 'received') !== FRAMES) throw new Error(`frames lost: ${output}`);
  const tasks = mainThreadTasks(trace);
  if (tasks.length === 0) throw new Error('the trace has no main-thread tasks');
  const longest = Math.max(...tasks.map((t) => t.wall));
  const longestCpu = Math.max(...tasks.map((t) => t.cpu));
  const over50 = tasks.filter((t) => t.wall > 50).length;
  report({
    bench: `UI: ${count(FRAMES)} frames with the inspector open`,
    measured: `longest main-thread task ${ms(longest)}, ${ms(longestCpu)} of CPU (${count(tasks.length)} tasks, ${over50} over 50 ms); the inspector lists ${listed?.[1] ?? 'no'} frames`,
    target: 'no task over 50 ms',
    met: longest <= 50,
  });
}
