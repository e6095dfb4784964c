/**
 * The platform's own sources, read at test time from the local mirrors (bare git
 * repositories, never copied into the project). Tests skip with this reason when absent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const DOCS_REPO = '/work/.mirror/wippyai+docs/repo';
export const RUNTIME_REPO = '/work/.mirror/wippyai+runtime/repo';

export function mirrorMissing(repo: string): string | null {
  return existsSync(repo) ? null : `the platform mirror ${repo} is absent on this machine`;
}

export function showFile(repo: string, path: string): string {
  return execFileSync('git', ['-C', repo, 'show', `HEAD:${path}`], {
    maxBuffer: 1 << 26,
  }).toString();
}

export function listFiles(repo: string, folder: string): string[] {
  return execFileSync('git', ['-C', repo, 'ls-tree', '-r', '--name-only', 'HEAD', folder])
    .toString()
    .split('\n')
    .filter(Boolean);
}

/** The ```lua blocks of a markdown page, with the 1-based lines marked `-- ERROR`. */
export function luaBlocks(markdown: string): Array<{ code: string; errorLines: number[] }> {
  return [...markdown.matchAll(/```lua\n([\s\S]*?)```/g)].map((m) => {
    const code = m[1];
    const errorLines = code
      .split('\n')
      .flatMap((line, i) => (/--\s*ERROR/.test(line) ? [i + 1] : []));
    return { code, errorLines };
  });
}
