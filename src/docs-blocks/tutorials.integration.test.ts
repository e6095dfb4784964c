/**
 * The echo service and the supervised worker pool of the platform's tutorials, run whole from
 * the page's own blocks (tutorials.ts; read from the docs mirror, never copied here): the
 * client echoes a typed line through the relay and a worker, and the pool restarts a worker
 * terminated from outside, as the pages say. Skips, with the reason, without the mirror.
 */
import { describe, expect, it } from 'vitest';
import { parseProject } from '../project/project.ts';
import { startProjectRun } from '../process/project-run.ts';
import { getPreset } from '../policy/presets.ts';
import { createNodeTransport } from '../runtime/transport/node-ws.ts';
import type { RunHandle } from '../runtime/run.ts';
import { docsMirrorMissing, readPages } from './pages.ts';
import { ECHO_SERVICE, SUPERVISOR_POOL, tutorialFiles, type Tutorial } from './tutorials.ts';

const missing = docsMirrorMissing();
/** A run that does not reach what the test waits for is stopped here (its lines then fail). */
const RUN_BOUND_MS = 30_000;

/** Starts the tutorial's entry; `lines` fills as it prints, `until` waits for a line. */
function start(tutorial: Tutorial) {
  const project = parseProject(tutorialFiles(tutorial, readPages().get(tutorial.page)!));
  expect(project.problems).toEqual([]);
  const lines: string[] = [];
  const waiters: Array<() => void> = [];
  const handle: RunHandle = startProjectRun({
    project,
    entry: tutorial.entry,
    policy: getPreset('allow-all').policy,
    transport: { transport: createNodeTransport(), why: 'direct (tutorials)' },
    demoHosts: {},
    observer: {
      output: (line) => {
        lines.push(line.stream === 'stdout' ? line.text : `[${line.stream}] ${line.text}`);
        for (const wake of waiters.splice(0)) wake();
      },
      connection: () => {},
      decision: () => {},
    },
  });
  const timer = setTimeout(() => handle.stop(), RUN_BOUND_MS);
  const done = handle.done.then((end) => {
    clearTimeout(timer);
    for (const wake of waiters.splice(0)) wake();
    return end;
  });
  let ended = false;
  void done.then(() => (ended = true));
  /** The `nth` line matching `pattern` once printed, or null when the run ended without it. */
  const until = async (pattern: RegExp, nth = 1): Promise<RegExpExecArray | null> => {
    for (;;) {
      const matches = lines.map((line) => pattern.exec(line)).filter((m) => m !== null);
      if (matches.length >= nth) return matches[nth - 1]!;
      if (ended) return null;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return { handle, lines, done, until };
}

describe.skipIf(missing !== null)(
  `the process tutorials run whole${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    it(
      'echoes a typed line through the relay and a worker (echo-service.md)',
      { timeout: 40_000 },
      async () => {
        const run = start(ECHO_SERVICE);
        run.handle.input('hello world');
        run.handle.input('');
        const end = await run.done;
        expect(end, run.lines.join('\n')).toEqual({ status: 'finished' });
        const text = run.lines.join('\n');
        expect(text).toContain('Echo Client');
        expect(text).toContain('  HELLO WORLD');
        expect(text).toMatch(/from worker: \{app:processes\|0x[0-9a-f]+\}/);
        expect(text).toContain('Goodbye!');
        expect(text).toContain('INFO relay started');
      },
    );

    it(
      'restarts a worker terminated from outside (supervision.md, the worker pool)',
      { timeout: 40_000 },
      async () => {
        const run = start(SUPERVISOR_POOL);
        const started = await run.until(/^Worker 1 started: (\S+)$/);
        expect(started, run.lines.join('\n')).not.toBeNull();
        expect(await run.until(/^Supervisor started with 4 workers$/)).not.toBeNull();
        expect(await run.until(/^Task worker 1 started$/)).not.toBeNull();
        // The page: "trigger a restart by forcefully terminating a worker from another process".
        expect(run.handle.control(started![1]!, 'terminate')).toBeNull();
        const restarted = await run.until(/^Worker 1 died after \d+s, restarting$/);
        expect(restarted, run.lines.join('\n')).not.toBeNull();
        const again = await run.until(/^Worker 1 started: (\S+)$/, 2);
        expect(again?.[1], run.lines.join('\n')).not.toBe(started![1]);
        expect(await run.until(/^Task worker 1 started$/, 2), run.lines.join('\n')).not.toBeNull();
        run.handle.stop();
        expect(await run.done).toEqual({ status: 'stopped' });
      },
    );
  },
);
