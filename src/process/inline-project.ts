/**
 * Running a small project written inline in a test: files by path, one entry run on the node
 * as `startProjectRun` runs it, its output collected. For tests that assert in Lua.
 */
import { parseProject, type ProjectFile } from '../project/project.ts';
import { getPreset } from '../policy/presets.ts';
import { createNodeTransport } from '../runtime/transport/node-ws.ts';
import type { RunEnd } from '../shared/worker-protocol.ts';
import { startProjectRun } from './project-run.ts';

export interface InlineRun {
  end: RunEnd;
  /** Printed lines; warnings as `[warn] text`. */
  lines: string[];
}

export async function runInline(
  files: Record<string, string>,
  entry: string,
  timeoutMs = 10_000,
): Promise<InlineRun> {
  const list: ProjectFile[] = Object.entries(files).map(([path, text]) => ({ path, text }));
  const project = parseProject(list);
  if (project.problems.length > 0) throw new Error(project.problems.join('\n'));
  const lines: string[] = [];
  const run = startProjectRun({
    project,
    entry,
    falseIsFailure: true,
    policy: getPreset('allow-all').policy,
    transport: { transport: createNodeTransport(), why: 'direct (ws in Node)' },
    demoHosts: {},
    observer: {
      output: (line) =>
        lines.push(line.stream === 'stdout' ? line.text : `[${line.stream}] ${line.text}`),
      connection: () => {},
      decision: () => {},
    },
  });
  const timer = setTimeout(() => run.stop(), timeoutMs);
  const end = await run.done;
  clearTimeout(timer);
  return { end, lines };
}

/** The run must finish; else the failure (and what was printed) is the thrown message. */
export async function passes(files: Record<string, string>, entry: string): Promise<string[]> {
  const { end, lines } = await runInline(files, entry);
  if (end.status !== 'finished')
    throw new Error(
      `${end.status === 'error' ? end.failure.message : end.status}\n${lines.join('\n')}`,
    );
  return lines;
}
