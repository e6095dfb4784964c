/**
 * The test surface's guarantee (README, "Testing your page with Playwright"): when `run.status`
 * changes, `console.output` already shows every line of the run and its error. A
 * MutationObserver in the page reads the console in the very task in which the status text
 * changes, over many runs, for a run that finishes and one that fails.
 */
import { test, expect } from './fixtures.ts';
import type { PlaygroundPage } from './pages/playground-page.ts';

const RUNS = 10;
const LINES = 150;

interface Seen {
  status: string;
  lines: { stream: string; text: string }[];
}

/** Record, at every change of run.status, the status and the console's lines at that moment. */
async function watchStatus(playground: PlaygroundPage): Promise<void> {
  await playground.page.evaluate(() => {
    const seen: Seen[] = [];
    (window as unknown as { statusSeen: Seen[] }).statusSeen = seen;
    let last = '';
    const observer = new MutationObserver(() => {
      const status = document.querySelector('[data-testid="run.status"]')?.textContent ?? '';
      if (status === last) return;
      last = status;
      const lines = [
        ...document.querySelectorAll('[data-testid="console.output"] > [data-stream]'),
      ].map((el) => ({
        stream: el.getAttribute('data-stream') ?? '',
        text: el.textContent ?? '',
      }));
      seen.push({ status, lines });
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

/** The lines of the last run: those after the last "Run #n" info line. */
function lastRun(lines: Seen['lines']): Seen['lines'] {
  const start = lines.findLastIndex((l) => l.stream === 'info' && l.text.startsWith('Run #'));
  return lines.slice(start + 1);
}

async function runAndCollect(playground: PlaygroundPage, status: string): Promise<Seen[]> {
  const ends: Seen[] = [];
  for (let run = 0; run < RUNS; run++) {
    await playground.runAndWait(status as 'finished' | 'error');
    const seen = await playground.page.evaluate(
      () => (window as unknown as { statusSeen: Seen[] }).statusSeen,
    );
    ends.push(seen.filter((s) => s.status === status).at(-1)!);
  }
  return ends;
}

const lines = `for i = 1, ${LINES} do print("line " .. i) end\n`;

test('run.status turns finished only once the console holds every line', async ({ playground }) => {
  await playground.open({ code: `${lines}print("last line")` });
  await watchStatus(playground);
  const ends = await runAndCollect(playground, 'finished');
  expect(ends).toHaveLength(RUNS);
  for (const end of ends) {
    const run = lastRun(end.lines).filter((l) => l.stream === 'stdout');
    expect(run.map((l) => l.text.trim())).toEqual([
      ...Array.from({ length: LINES }, (_, i) => `line ${i + 1}`),
      'last line',
    ]);
  }
});

test('run.status turns error only once the console holds every line and the error', async ({
  playground,
}) => {
  await playground.open({ code: `${lines}error("boom at the end")` });
  await watchStatus(playground);
  const ends = await runAndCollect(playground, 'error');
  for (const end of ends) {
    const run = lastRun(end.lines);
    expect(run.filter((l) => l.stream === 'stdout')).toHaveLength(LINES);
    const errors = run.filter((l) => l.stream === 'stderr');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.text).toContain('boom at the end');
  }
});

test('a warning is its own line, data-stream="warn", with the script\'s line', async ({
  playground,
}) => {
  // The platform truncates a fractional close code without a word; the playground warns.
  await playground.open({
    code: 'local c = assert(websocket.connect("wss://api.example.com/ws"))\nprint("open")\nc:close(1000.5)\nprint("done")',
  });
  await playground.runAndWait('finished');
  const warn = playground.output.locator('[data-stream="warn"]');
  await expect(warn).toHaveCount(1);
  await expect(warn).toHaveText(/^warning \(line 3\): client:close/);
  await expect(playground.output.locator('[data-stream="stdout"]')).toHaveText(['open', 'done']);
});
