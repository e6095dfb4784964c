/**
 * The UI under load: a script receives 50,000 frames (through the relay, as the page runs by
 * default) while the connections inspector is open. Chromium's own trace gives every task of
 * the page's main thread; the longest one is the figure.
 */
import type { BenchBrowser } from './browser.ts';
import { codeUrl, openCode, readFigure, runAndRead } from './browser.ts';
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

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  /** CPU time of the thread: what the task cost, whatever else the machine was doing. */
  tdur?: number;
  args?: { name?: string };
}

interface Task {
  wall: number;
  cpu: number;
}

/** The top-level tasks on each renderer's main thread, in ms. */
function mainThreadTasks(trace: { traceEvents: TraceEvent[] }): Task[] {
  const mainThreads = new Set(
    trace.traceEvents
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  return trace.traceEvents
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
  const { context, page } = await bb.newPage('auto');
  const url = codeUrl(bb.playground, luaReader(servers.floodUrl(FRAMES, 32)));
  await openCode(page, url);
  await page.getByTestId('inspector.panel').waitFor();
  await bb.browser.startTracing(page, {
    categories: ['toplevel', 'disabled-by-default-devtools.timeline'],
  });
  const output = await runAndRead(page);
  // Let the inspector take in the last batches before the trace ends.
  await page.waitForTimeout(500);
  const trace = JSON.parse((await bb.browser.stopTracing()).toString()) as {
    traceEvents: TraceEvent[];
  };
  const listed = /([\d,]+) frames/.exec(
    (await page.getByTestId('inspector.panel').textContent()) ?? '',
  );
  await context.close();

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
