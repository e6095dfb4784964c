/**
 * Whether a block's outcome is the one its expectation (expected.ts) states: null when it is,
 * else what differs, for the test's failure message.
 */
import type { BlockOutcome } from './run-block.ts';
import type { Expectation } from './expected.ts';
import { isEntry, type BlockPlan } from './plan.ts';
import type { DocBlock } from './extract.ts';

export function planOf(block: DocBlock, expectation: Expectation): BlockPlan {
  const { run, prelude, postlude, driver, input, waitsMs } = expectation;
  return {
    run:
      run ??
      (driver || isEntry(block.code) || postlude?.startsWith('return {') ? 'entry' : 'script'),
    prelude,
    postlude,
    driver,
    input,
    waitsMs,
  };
}

/** Each of `parts` found in a line, in order (a line may hold several). */
function missingPrints(lines: string[], parts: string[]): string[] {
  let at = 0;
  const missing: string[] = [];
  for (const part of parts) {
    const found = lines.findIndex((line, i) => i >= at && line.includes(part));
    if (found < 0) missing.push(part);
    else at = found;
  }
  return missing;
}

export function judge(expectation: Expectation, outcome: BlockOutcome): string | null {
  const said = [outcome.message, ...outcome.lines].join('\n');
  if (expectation.class === 'ok') {
    if (expectation.raises) {
      if (outcome.status !== 'error' || !outcome.message.includes(expectation.raises))
        return `expected it to end with the error "${expectation.raises}", got ${outcome.status}`;
    } else if (outcome.status !== 'ran') return `expected it to run, got ${outcome.status}`;
    const missing = missingPrints(outcome.lines, expectation.prints ?? []);
    if (missing.length > 0) return `expected it to print ${JSON.stringify(missing)}`;
    // A warning is the playground saying the platform would do otherwise than the page reads.
    const warnings = outcome.lines.filter((line) => line.startsWith('[warn]'));
    return warnings.length > 0 ? `expected no warning, got ${JSON.stringify(warnings)}` : null;
  }
  const wanted = expectation.ran ? 'ran' : ['error', 'stopped'];
  if (!wanted.includes(outcome.status))
    return `expected a ${expectation.class} block to ${expectation.ran ? 'run' : 'fail'}, got ${outcome.status}`;
  if (expectation.says && !said.includes(expectation.says))
    return `expected its outcome to say "${expectation.says}"`;
  const missing = missingPrints(outcome.lines, expectation.prints ?? []);
  return missing.length > 0 ? `expected it to print ${JSON.stringify(missing)}` : null;
}
