/**
 * The runtime's own Lua test suites (wippyai/runtime `tests/app/src/test/<suite>`), taken from
 * the local mirror of the repository at test time (never copied into the project) and run on
 * the node, one entry per run, as the platform's test runner runs them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProjectDir } from '../../project/load-dir.ts';
import { testSuites } from '../../project/project.ts';
import type { Project } from '../../project/spec.ts';
import { getPreset } from '../../policy/presets.ts';
import { createNodeTransport } from '../../runtime/transport/node-ws.ts';
import { startProjectRun } from '../project-run.ts';

export const RUNTIME_MIRROR = '/work/.mirror/wippyai+runtime/repo';

export function runtimeMirrorMissing(): string | null {
  return existsSync(RUNTIME_MIRROR) ? null : `no mirror of wippyai/runtime at ${RUNTIME_MIRROR}`;
}

/** Extract `tests/app/src` (the given suites and the shared lib) into a temporary folder. */
export function extractSuites(suites: string[]): { project: Project; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'runtime-suites-'));
  const paths = ['tests/app/src/lib', ...suites.map((s) => `tests/app/src/test/${s}`)];
  const archive = execFileSync('git', ['-C', RUNTIME_MIRROR, 'archive', 'HEAD', '--', ...paths], {
    maxBuffer: 64 * 1024 * 1024,
    // The mirror lacks a few binary blobs of other suites; git names them on stderr.
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  return {
    project: loadProjectDir(join(dir, 'tests/app/src')),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface SuiteResult {
  id: string;
  suite: string;
  passed: boolean;
  message?: string;
  output: string[];
}

/** Run every test entry of `suite` (main must not raise, return false or an error). */
export async function runSuite(
  project: Project,
  suite: string,
  timeoutMs = 20_000,
): Promise<SuiteResult[]> {
  const results: SuiteResult[] = [];
  for (const [name, entries] of testSuites(project)) {
    if (name !== suite) continue;
    for (const entry of entries) {
      const output: string[] = [];
      const run = startProjectRun({
        project,
        entry: entry.id,
        falseIsFailure: true,
        policy: getPreset('allow-all').policy,
        transport: { transport: createNodeTransport(), why: 'direct (ws in Node)' },
        demoHosts: {},
        observer: {
          output: (line) =>
            output.push(line.stream === 'stdout' ? line.text : `[${line.stream}] ${line.text}`),
          connection: () => {},
          decision: () => {},
        },
      });
      const timer = setTimeout(() => run.stop(), timeoutMs);
      const end = await run.done;
      clearTimeout(timer);
      results.push({
        id: entry.id,
        suite,
        passed: end.status === 'finished',
        message:
          end.status === 'error'
            ? end.failure.message
            : end.status === 'stopped'
              ? 'stopped: the test did not end in time'
              : undefined,
        output,
      });
    }
  }
  return results;
}
