/**
 * Runs an entry of a project given as files, with the Node transport, and collects what it
 * reports: the helper behind the node's tests and benchmarks. Not used by the product itself.
 */
import { parseProject, type ProjectFile } from '../project/project.ts';
import { createNodeTransport } from '../runtime/transport/node-ws.ts';
import { getPreset } from '../policy/presets.ts';
import type { InputReader, MessageRecord, OutputEntry, ProcessInfo } from '../shared/run-events.ts';
import type { RunEnd } from '../shared/worker-protocol.ts';
import type { TypeCheckMode } from '../shared/dialect.ts';
import { startProjectRun, type RunHandle } from './project-run.ts';

export interface ProjectRunResult {
  end: RunEnd;
  output: OutputEntry[];
  /** stdout lines, each `pid text` when tagged */
  lines: string[];
  processes: ProcessInfo[];
  messages: MessageRecord[];
  /** Each list of processes waiting for terminal input, as reported. */
  readers: InputReader[][];
}

/** Entries of one `_index.yaml` in namespace `app`: name → Lua source (a process.lua each). */
export function processProject(
  sources: Record<string, string>,
  extraYaml = '',
  kinds: Record<string, string> = {},
): ProjectFile[] {
  const entries = Object.keys(sources)
    .map(
      (name) =>
        `  - name: ${name}\n    kind: ${kinds[name] ?? 'process.lua'}\n    source: file://${name}.lua\n    method: main\n    modules: [time, json, websocket]`,
    )
    .join('\n');
  return [
    {
      path: '_index.yaml',
      text: `version: "1.0"\nnamespace: app\nentries:\n${entries}\n${extraYaml}`,
    },
    ...Object.entries(sources).map(([name, text]) => ({ path: `${name}.lua`, text })),
  ];
}

export function runProject(
  files: ProjectFile[],
  entry: string,
  options: {
    stopAfterMs?: number;
    input?: string[];
    onOutput?: (line: OutputEntry) => void;
    typeCheck?: TypeCheckMode;
    onReaders?: (readers: InputReader[]) => void;
  } = {},
): { done: Promise<ProjectRunResult>; handle: RunHandle } {
  const project = parseProject(files);
  if (project.problems.length > 0) throw new Error(project.problems.join('\n'));
  const output: OutputEntry[] = [];
  const processes: ProcessInfo[] = [];
  const messages: MessageRecord[] = [];
  const readers: InputReader[][] = [];
  const handle = startProjectRun({
    project,
    entry,
    typeCheck: options.typeCheck,
    policy: getPreset('allow-all').policy,
    transport: { transport: createNodeTransport(), why: 'direct (test)' },
    demoHosts: {},
    observer: {
      output: (line) => {
        output.push(line);
        options.onOutput?.(line);
      },
      connection: () => {},
      decision: () => {},
      process: (info) => processes.push(info),
      message: (record) => messages.push(record),
      readers: (list) => {
        readers.push(list);
        options.onReaders?.(list);
      },
    },
  });
  for (const line of options.input ?? []) handle.input(line);
  const timer = setTimeout(() => handle.stop(), options.stopAfterMs ?? 10_000);
  const done = handle.done.then((end) => {
    clearTimeout(timer);
    const lines = output
      .filter((o) => o.stream === 'stdout')
      .map((o) => (o.pid ? `${o.pid} ${o.text}` : o.text));
    return { end, output, lines, processes, messages, readers };
  });
  return { done, handle };
}
