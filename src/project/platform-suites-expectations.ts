/**
 * What the runtime's process suites are expected to do here (src/project/platform-suites.test.ts
 * in Node, e2e/platform-processes.spec.ts in the page), in one place.
 */

/** Test id → why it fails here; `why` up to ' (' is text the failure's message contains. */
export const EXPECTED_FAILURES: Record<string, string> = {
  'app.test.funcs:parallel':
    'table index is nil (the test stores results[i] with i undefined; go-lua fails it the same way)',
};

/**
 * Tests that assert on wall-clock time (three 50 ms calls done within 200 ms). They pass on an
 * idle machine; on a loaded one they may fail, and then only with this message: any other
 * failure of theirs still counts.
 */
export const WALL_CLOCK_TESTS: Record<string, string> = {
  'app.test.processfunc:async_parallel': 'parallel execution (< 200ms)',
};

export interface SuiteOutcome {
  id: string;
  passed: boolean;
  message?: string;
}

/** The failures that are neither expected nor a wall-clock test missing its time. */
export function unexpectedFailures<T extends SuiteOutcome>(results: readonly T[]): T[] {
  return results.filter(
    (r) =>
      !r.passed &&
      !(r.id in EXPECTED_FAILURES) &&
      !(r.id in WALL_CLOCK_TESTS && (r.message ?? '').includes(WALL_CLOCK_TESTS[r.id]!)),
  );
}
