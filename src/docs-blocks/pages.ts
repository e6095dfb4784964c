/**
 * The platform documentation's pages about processes and the modules around them, read from the
 * mirror of wippyai/docs at test time (never copied into this repository), and their ```lua
 * blocks (extract.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { extractLuaBlocks, type DocBlock } from './extract.ts';

export const DOCS_MIRROR = '/work/.mirror/wippyai+docs/repo';

/** Short name → path in the docs repository. The short name starts every block's key. */
export const PAGES = {
  process: 'en/lua/core/process.md',
  funcs: 'en/lua/core/funcs.md',
  future: 'en/lua/core/future.md',
  'process-model': 'en/concepts/process-model.md',
  processes: 'en/tutorials/processes.md',
  'echo-service': 'en/tutorials/echo-service.md',
  supervision: 'en/tutorials/supervision.md',
  uuid: 'en/lua/security/uuid.md',
  hash: 'en/lua/security/hash.md',
  io: 'en/lua/system/io.md',
} as const;

export type PageName = keyof typeof PAGES;

/** Why the mirror cannot be read, or null when it can. */
export function docsMirrorMissing(mirror = DOCS_MIRROR): string | null {
  return existsSync(mirror) ? null : `no mirror of wippyai/docs at ${mirror}`;
}

/** The commit the blocks were read at (for messages and docs/docs-blocks.md). */
export function docsCommit(mirror = DOCS_MIRROR): string {
  return execFileSync('git', ['--git-dir', mirror, 'rev-parse', 'HEAD'], {
    encoding: 'utf8',
  }).trim();
}

/** Every page's text at the mirror's HEAD, by short name (one `git cat-file --batch`). */
export function readPages(mirror = DOCS_MIRROR): Map<PageName, string> {
  const names = Object.keys(PAGES) as PageName[];
  const output = execFileSync('git', ['--git-dir', mirror, 'cat-file', '--batch'], {
    input: names.map((name) => `HEAD:${PAGES[name]}`).join('\n') + '\n',
    maxBuffer: 16 * 1024 * 1024,
  });
  const pages = new Map<PageName, string>();
  let offset = 0;
  for (const name of names) {
    const headerEnd = output.indexOf(0x0a, offset);
    const header = output.subarray(offset, headerEnd).toString('utf8');
    const size = Number(header.split(' ')[2]);
    if (header.endsWith('missing') || !Number.isFinite(size))
      throw new Error(`${PAGES[name]}: not in the docs mirror (${header})`);
    pages.set(name, output.subarray(headerEnd + 1, headerEnd + 1 + size).toString('utf8'));
    offset = headerEnd + 1 + size + 1;
  }
  return pages;
}

/** Every ```lua block of every page, in page order. */
export function readBlocks(mirror = DOCS_MIRROR): DocBlock[] {
  return [...readPages(mirror)].flatMap(([name, text]) => extractLuaBlocks(name, text));
}
