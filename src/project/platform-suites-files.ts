/**
 * Node only (tests, the CLI's checks): the runtime's own process suites read straight from the
 * mirror of wippyai/runtime as project files, never copied into this repository. Paths lose
 * the `tests/app/src/` prefix (`test/process/spawn_basic.lua`, `lib/assert.lua`), and a host
 * file declares what `tests/app/src/_index.yaml` declares for them: `app:processes`
 * (process.host) and `app:terminal` (terminal.host), without its http, fs and exec entries.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { ProjectFile } from './project.ts';

export const RUNTIME_MIRROR = '/work/.mirror/wippyai+runtime/repo';

/** The suites of issue 21, and the assert library they import. */
export const PROCESS_SUITES = ['process', 'processfunc', 'funcs', 'ctx', 'events'] as const;

const APP_ROOT = 'tests/app/src/';

export const HOSTS_INDEX = `# The two hosts of tests/app/src/_index.yaml the process suites use.
version: "1.0"
namespace: app
entries:
  - name: processes
    kind: process.host
    lifecycle: { auto_start: true }
  - name: terminal
    kind: terminal.host
    lifecycle: { auto_start: true }
`;

/** Why the mirror cannot be read, or null when it can. */
export function mirrorMissing(mirror = RUNTIME_MIRROR): string | null {
  return existsSync(mirror) ? null : `no mirror of wippyai/runtime at ${mirror}`;
}

function git(mirror: string, args: string[]): string {
  return execFileSync('git', ['-C', mirror, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

/**
 * The suites' folders and `lib/` (every `.lua` and `_index.yaml`) at the mirror's HEAD, plus
 * the hosts file as `_index.yaml`.
 */
export function readPlatformSuites(
  suites: readonly string[] = PROCESS_SUITES,
  mirror = RUNTIME_MIRROR,
): ProjectFile[] {
  const folders = [...suites.map((suite) => `${APP_ROOT}test/${suite}`), `${APP_ROOT}lib`];
  const paths = git(mirror, ['ls-tree', '-r', '--name-only', 'HEAD', '--', ...folders])
    .split('\n')
    .filter((path) => path.endsWith('.lua') || path.endsWith('/_index.yaml'));
  // One `git cat-file --batch` for every file instead of a process each.
  const output = execFileSync('git', ['-C', mirror, 'cat-file', '--batch'], {
    input: paths.map((path) => `HEAD:${path}`).join('\n') + '\n',
    maxBuffer: 64 * 1024 * 1024,
  });
  const files: ProjectFile[] = [{ path: '_index.yaml', text: HOSTS_INDEX }];
  let offset = 0;
  for (const path of paths) {
    const headerEnd = output.indexOf(0x0a, offset);
    const header = output.subarray(offset, headerEnd).toString('utf8');
    const size = Number(header.split(' ')[2]);
    if (header.endsWith('missing') || !Number.isFinite(size))
      throw new Error(`${path}: not in the mirror (${header})`);
    const text = output.subarray(headerEnd + 1, headerEnd + 1 + size).toString('utf8');
    files.push({ path: path.slice(APP_ROOT.length), text });
    offset = headerEnd + 1 + size + 1;
  }
  return files;
}
