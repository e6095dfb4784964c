/**
 * The checker against the platform's own material: every `-- ERROR` line of `en/lua/types.md`
 * gets a diagnostic at that line, no other block gets one, and the runtime's passing
 * type-system tests (`tests/app/src/test/types/*.lua`) get none.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../parser.ts';
import { check } from './checker.ts';
import {
  DOCS_REPO,
  RUNTIME_REPO,
  listFiles,
  luaBlocks,
  mirrorMissing,
  showFile,
} from './platform-mirror.ts';

const docsMissing = mirrorMissing(DOCS_REPO);
const runtimeMissing = mirrorMissing(RUNTIME_REPO);

function diagnosticLines(code: string): number[] {
  return [...new Set(check(parse(code).chunk).diagnostics.map((d) => d.line))];
}

describe.skipIf(docsMissing !== null)(`types.md ${docsMissing ?? ''}`, () => {
  const blocks = docsMissing ? [] : luaBlocks(showFile(DOCS_REPO, 'en/lua/types.md'));

  it('has the page (a non-empty list of blocks)', () => {
    expect(blocks.length).toBeGreaterThan(30);
  });

  it('marks each line the page marks `-- ERROR`', () => {
    const marked = blocks.filter((b) => b.errorLines.length > 0);
    expect(marked.length).toBeGreaterThanOrEqual(4);
    for (const block of marked) {
      expect(diagnosticLines(block.code), block.code).toEqual(block.errorLines);
    }
  });

  it('reports nothing on the blocks without `-- ERROR`', () => {
    for (const block of blocks.filter((b) => b.errorLines.length === 0)) {
      expect(diagnosticLines(block.code), block.code).toEqual([]);
    }
  });
});

describe.skipIf(runtimeMissing !== null)(`the runtime's type tests ${runtimeMissing ?? ''}`, () => {
  const files = runtimeMissing
    ? []
    : listFiles(RUNTIME_REPO, 'tests/app/src/test/types').filter((f) => f.endsWith('.lua'));

  it('finds them', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it('reports nothing on any of them (the error_* ones hold their bad code in strings)', () => {
    for (const file of files) {
      const parsed = parse(showFile(RUNTIME_REPO, file));
      expect(parsed.errors, file).toEqual([]);
      expect(check(parsed.chunk).diagnostics, file).toEqual([]);
    }
  });
});
