/**
 * The gallery's project examples (the platform's process tutorials, adapted) run on the node
 * in Node, as the worker runs them in the page: the echo service answers a typed line in
 * upper case and ends on an empty line; the worker pool restarts a worker that crashed and
 * one terminated from outside (the process panel's Terminate). The browser run of the same is
 * e2e/processes.spec.ts. Waits are on events (a line printed, a process state), never on time.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startProjectRun } from '../process/project-run.ts';
import { parseProject } from '../project/project.ts';
import { createNodeTransport } from '../runtime/transport/node-ws.ts';
import { getPreset } from '../policy/presets.ts';
import { parseManifest } from './manifest.ts';
import { projectTypeDiagnostics } from '../project/type-check.ts';
import { sampleProject } from '../app/sample-project.ts';
import type { MessageRecord, OutputEntry, ProcessInfo } from '../shared/run-events.ts';

const root = new URL('../../public/examples/', import.meta.url);
const manifest = parseManifest(JSON.parse(readFileSync(new URL('index.json', root), 'utf8')));

function exampleFiles(name: string) {
  const example = manifest.examples.find((e) => e.name === name)!;
  return example.project!.files.map((path) => ({
    path,
    text: readFileSync(new URL(`${name}/${path}`, root), 'utf8'),
  }));
}

/** A run of a project example with what it reported, and a wait for a condition on it. */
function startExample(name: string) {
  const example = manifest.examples.find((e) => e.name === name)!;
  const files = exampleFiles(name);
  const output: OutputEntry[] = [];
  const processes = new Map<string, ProcessInfo>();
  const messages: MessageRecord[] = [];
  const waiters: Array<() => void> = [];
  const changed = () => waiters.splice(0).forEach((wake) => wake());
  const handle = startProjectRun({
    project: parseProject(files),
    entry: example.project!.entry!,
    policy: getPreset('allow-all').policy,
    transport: { transport: createNodeTransport(), why: 'direct (test)' },
    demoHosts: {},
    dialect: 'wippy',
    observer: {
      output: (entry) => (output.push(entry), changed()),
      process: (info) => (processes.set(info.pid, info), changed()),
      message: (record) => (messages.push(record), changed()),
      connection: () => {},
      decision: () => {},
    },
  });
  // A run that never gets there fails the test instead of hanging it.
  const safety = setTimeout(() => handle.stop(), 20_000);
  void handle.done.then(() => (clearTimeout(safety), changed()));
  let ended = false;
  void handle.done.then(() => (ended = true));
  const text = () => output.map((e) => e.text).join('\n');
  async function until(what: string, ok: () => boolean): Promise<void> {
    while (!ok()) {
      if (ended) throw new Error(`the run ended before ${what}:\n${text()}`);
      await new Promise<void>((wake) => waiters.push(wake));
    }
  }
  return { handle, output, processes, messages, text, until };
}

describe('project examples on the node', () => {
  it('every project example and the new-project sample type-check clean', () => {
    const projects = manifest.examples.filter((e) => e.project).map((e) => e.name);
    expect(projects.length).toBeGreaterThan(0);
    for (const name of projects)
      expect(projectTypeDiagnostics(parseProject(exampleFiles(name))), name).toEqual([]);
    expect(projectTypeDiagnostics(parseProject(sampleProject().files))).toEqual([]);
  });

  it('echo-service: a typed line comes back in upper case from a worker; an empty line ends it', async () => {
    const run = startExample('echo-service');
    await run.until('the prompt', () => run.text().includes('Echo client: type a line'));
    run.handle.input('hello world');
    await run.until('the echo', () => run.text().includes('HELLO WORLD'));
    expect(run.text()).toMatch(/from worker: \{app:processes\|0x[0-9a-f]+\}/);
    // The relay spawned a worker and saw it exit; the answer went worker → client.
    expect(run.messages.some((m) => m.kind === 'send' && m.topic === 'echo_response')).toBe(true);
    run.handle.input('');
    expect(await run.handle.done).toEqual({ status: 'finished' });
    expect(run.text()).toContain('Goodbye!');
    // Output is tagged by the process that wrote it.
    const cli = [...run.processes.values()].find((p) => p.entryId === 'app:cli')!;
    expect(run.output.find((e) => e.text.includes('Goodbye!'))?.pid).toBe(cli.pid);
  });

  it('worker-pool: a crashed worker and a terminated one are both started again', async () => {
    const run = startExample('worker-pool');
    await run.until('a crash and its restart', () => run.text().includes('died, restarting'));
    const live = () =>
      [...run.processes.values()].filter(
        (p) =>
          p.entryId === 'app.workers:task_worker' && p.state !== 'exited' && p.state !== 'failed',
      );
    await run.until('a live worker', () => live().length > 0);
    const victim = live()[0];
    const restartsBefore = run.text().split('died, restarting').length;
    expect(run.handle.control(victim.pid, 'terminate')).toBeNull();
    await run.until('the victim failed', () => run.processes.get(victim.pid)?.state === 'failed');
    await run.until(
      'another restart',
      () => run.text().split('died, restarting').length > restartsBefore,
    );
    expect(run.messages.some((m) => m.kind === 'link-down')).toBe(true);
    run.handle.stop();
    expect(await run.handle.done).toEqual({ status: 'stopped' });
  });
});
