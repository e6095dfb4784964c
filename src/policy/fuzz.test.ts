/**
 * Fuzzing the readers of outside input (issue 19): thousands of seeded inputs each, run in a
 * child process with a deadline so that a hang fails the test. No input may throw what the
 * reader promises not to (parsePolicy and decide: nothing; the expression language: only its
 * own errors; the session importer: only SessionImportError).
 */
import { describe, expect, it } from 'vitest';
import { callWithDeadline } from '../test-support/deadline.ts';

const targets = new URL('../test-support/fuzz-targets.ts', import.meta.url);
const SEED = 20261207;
const DEADLINE_MS = 50_000;

describe.each([
  ['the policy reader and decide', 'fuzzPolicy', 2000],
  ['the expression evaluator', 'fuzzExpressions', 5000],
  ['the session importer', 'fuzzSessions', 3000],
])('fuzz: %s', (_name, target, count) => {
  it(`takes ${count} seeded inputs without a throw or a hang`, { timeout: 60_000 }, async () => {
    const r = await callWithDeadline(targets, target, [SEED, count], DEADLINE_MS);
    expect(r).toMatchObject({ timedOut: false });
    if (r.timedOut || !('value' in r)) throw new Error(JSON.stringify(r));
    const report = r.value as { count: number; accepted: number; failures: unknown[] };
    expect(report.failures).toEqual([]);
    expect(report.count).toBe(count);
    // The generator reaches past the first check: some inputs are accepted, not all refused.
    expect(report.accepted).toBeGreaterThan(0);
  });
});
