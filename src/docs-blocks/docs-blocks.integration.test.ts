/**
 * The platform docs' ```lua blocks about processes, funcs, futures, uuid, hash and io, read
 * from the mirror of wippyai/docs (pages.ts; never copied here), each run through the real
 * runtime beside its page's sample project (run-block.ts) and held to its expected class
 * (expected.ts). A changed outcome fails with the block's page:line and what it printed.
 * Skips, with the reason, without the mirror. How to read and tune it: docs/docs-blocks.md.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blockKey, type DocBlock } from './extract.ts';
import { EXPECTED } from './expected.ts';
import { docsMirrorMissing, readBlocks } from './pages.ts';
import { describeMismatch, runAll } from './run-all.ts';

const missing = docsMirrorMissing();
const DIFFERENCES = readFileSync(
  new URL('../../docs/platform-differences.md', import.meta.url),
  'utf8',
);

describe.skipIf(missing !== null)(
  `the docs' process blocks${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    const blocks: DocBlock[] = missing ? [] : readBlocks();

    it('has one expectation for each block the pages have, and none for another', () => {
      const keys = blocks.map(blockKey);
      expect(keys.filter((key) => !(key in EXPECTED))).toEqual([]);
      expect(Object.keys(EXPECTED).filter((key) => !keys.includes(key))).toEqual([]);
    });

    it('says why for every prelude, postlude and class other than ok', () => {
      const unexplained = Object.entries(EXPECTED).filter(
        ([, e]) => ((e.prelude || e.postlude) && !e.preludeWhy) || (e.class !== 'ok' && !e.why),
      );
      expect(unexplained.map(([key]) => key)).toEqual([]);
    });

    it('cites a section of docs/platform-differences.md for every difference', () => {
      const uncited = Object.entries(EXPECTED)
        .filter(([, e]) => e.class === 'differs')
        .filter(([, e]) => {
          const section = /platform-differences\.md, "([^"]+)"/.exec(e.why ?? '')?.[1];
          return !section || !DIFFERENCES.includes(`## ${section}`);
        });
      expect(uncited.map(([key]) => key)).toEqual([]);
    });

    it('gives every block its expected class', { timeout: 120_000 }, async () => {
      const results = await runAll(blocks, EXPECTED);
      expect(results).toHaveLength(blocks.length);
      const mismatches = results.filter((r) => r.mismatch !== null).map(describeMismatch);
      expect(mismatches.join('\n')).toBe('');
    });

    it('fails a block whose expectation is changed (negative control)', async () => {
      const block = blocks.find((b) => blockKey(b) === 'hash#2')!;
      const wrong = { ...EXPECTED['hash#2']!, prints: ['0000 16'] };
      const [result] = await runAll([block], { 'hash#2': wrong });
      expect(result?.mismatch).toContain('expected it to print ["0000 16"]');
      expect(describeMismatch(result!)).toContain('hash#2 (en/lua/security/hash.md:25:');
    });
  },
);
