/**
 * Runs every block (a few at a time: each run is short and mostly waits on timers) and judges
 * it against its expectation; returns each mismatch as a message that names the block's
 * page:line, its first line and its outcome.
 */
import { blockKey, firstLine, type DocBlock } from './extract.ts';
import type { Expectation } from './expected.ts';
import { judge, planOf } from './judge.ts';
import { PAGES, type PageName } from './pages.ts';
import { runBlock, type BlockOutcome } from './run-block.ts';
import { sampleProject } from './sample-projects.ts';

/** Runs at once: enough to overlap the timer waits, few enough for a loaded 2-core machine. */
const CONCURRENT_RUNS = 4;

export interface BlockResult {
  block: DocBlock;
  outcome: BlockOutcome;
  mismatch: string | null;
}

export function describeMismatch(result: BlockResult): string {
  const { block, outcome } = result;
  const where = `${PAGES[block.page as PageName]}:${block.line}`;
  const printed = outcome.lines.map((line) => `    | ${line}`).join('\n');
  return (
    `${blockKey(block)} (${where}: ${firstLine(block.code)}): ${result.mismatch}\n` +
    `    outcome: ${outcome.status}${outcome.message ? `: ${outcome.message}` : ''}\n${printed}`
  );
}

export async function runAll(
  blocks: DocBlock[],
  expected: Record<string, Expectation>,
): Promise<BlockResult[]> {
  const results: BlockResult[] = [];
  let next = 0;
  const worker = async () => {
    while (next < blocks.length) {
      const block = blocks[next++]!;
      const expectation = expected[blockKey(block)];
      if (!expectation) continue;
      const outcome = await runBlock(block, planOf(block, expectation), sampleProject(block.page));
      results.push({ block, outcome, mismatch: judge(expectation, outcome) });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_RUNS }, worker));
  return results;
}
