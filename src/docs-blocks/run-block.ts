/**
 * Runs one docs block through the real runtime, the way a user meets it, beside its page's
 * sample project (sample-projects.ts): a fragment as a lone script (script-in-project.ts), a
 * whole entry as the `process.lua` entry `app.docs:block`, the run's main process, or, with a
 * driver, spawned by the harness's `app.docs:driver` (the part the page leaves to a parent).
 * The code is padded with blank lines so that every line number a message gives is the page's.
 */
import { parseProject, type ProjectFile } from '../project/project.ts';
import { getPreset } from '../policy/presets.ts';
import { createNodeTransport } from '../runtime/transport/node-ws.ts';
import { startProjectRun } from '../process/project-run.ts';
import type { RunHandle } from '../runtime/run.ts';
import type { RunObserver } from '../shared/run-events.ts';
import type { RunEnd } from '../shared/worker-protocol.ts';
import type { DocBlock } from './extract.ts';
import type { BlockPlan } from './plan.ts';
import { startScriptInProject } from './script-in-project.ts';

/** Modules the block's entry declares: every one the playground has that a page uses. */
const BLOCK_MODULES = [
  'time',
  'json',
  'io',
  'logger',
  'funcs',
  'events',
  'ctx',
  'security',
  'uuid',
  'hash',
];

/** A run that neither ends nor waits by design is stopped here, and its outcome is `stopped`. */
export const DEFAULT_BOUND_MS = 8_000;

export interface BlockOutcome {
  /** `ran`: finished, or (a block that waits by design) stopped at its bound after printing. */
  status: 'ran' | 'error' | 'stopped';
  /** The error's message, when `error`. */
  message: string;
  /** Everything the run wrote: stdout lines as printed, other streams as `[stream] text`. */
  lines: string[];
}

/** The block's code as the run sees it: the prelude on its first line, page line numbers. */
export function blockSource(block: DocBlock, plan: BlockPlan): string {
  const first = plan.prelude ? `${plan.prelude} ` : '';
  const last = plan.postlude ? `\n${plan.postlude}` : '';
  return '\n'.repeat(block.line - 1) + first + block.code + last;
}

function blockIndex(plan: BlockPlan): string {
  const entry = (name: string) =>
    `  - name: ${name}\n    kind: process.lua\n    source: file://${name}.lua\n    method: main\n    modules: [${BLOCK_MODULES.join(', ')}]\n`;
  return `version: "1.0"\nnamespace: app.docs\nentries:\n${entry('block')}${plan.driver ? entry('driver') : ''}`;
}

export async function runBlock(
  block: DocBlock,
  plan: BlockPlan,
  projectFiles: ProjectFile[],
): Promise<BlockOutcome> {
  const lines: string[] = [];
  const observer: RunObserver = {
    output: (line) =>
      lines.push(line.stream === 'stdout' ? line.text : `[${line.stream}] ${line.text}`),
    connection: () => {},
    decision: () => {},
  };
  const common = {
    policy: getPreset('allow-all').policy,
    transport: { transport: createNodeTransport(), why: 'direct (docs blocks)' },
    demoHosts: {},
    observer,
    dialect: 'wippy' as const,
  };
  const code = blockSource(block, plan);
  let handle: RunHandle;
  if (plan.run === 'script') {
    const project = parseProject(projectFiles);
    if (project.problems.length > 0) throw new Error(project.problems.join('\n'));
    handle = startScriptInProject({ ...common, project, code, chunkName: `${block.page}.md` });
  } else {
    const files: ProjectFile[] = [
      ...projectFiles,
      { path: 'docs/_index.yaml', text: blockIndex(plan) },
      { path: 'docs/block.lua', text: code },
      ...(plan.driver ? [{ path: 'docs/driver.lua', text: plan.driver }] : []),
    ];
    const project = parseProject(files);
    if (project.problems.length > 0) throw new Error(project.problems.join('\n'));
    handle = startProjectRun({
      ...common,
      project,
      entry: plan.driver ? 'app.docs:driver' : 'app.docs:block',
    });
  }
  for (const line of plan.input ?? []) handle.input(line);
  if (plan.input) handle.input(null);
  const bound = plan.waitsMs ?? DEFAULT_BOUND_MS;
  const timer = setTimeout(() => handle.stop(), bound);
  const end: RunEnd = await handle.done;
  clearTimeout(timer);
  if (end.status === 'error') return { status: 'error', message: end.failure.message, lines };
  if (end.status === 'stopped') {
    const printed = lines.some((line) => !line.startsWith('['));
    return {
      status: plan.waitsMs !== undefined && printed ? 'ran' : 'stopped',
      message: `stopped after ${bound} ms`,
      lines,
    };
  }
  return { status: 'ran', message: '', lines };
}
