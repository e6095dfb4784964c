/**
 * The runtime's own type-system tests (wippyai/runtime `tests/app/src/test/types`), run as the
 * platform's test runner runs them, from the mirror of the repository. Skips (with the reason)
 * when the mirror is absent.
 */
import { describe, expect, it } from 'vitest';
import { mirrorMissing, readPlatformSuites } from './platform-suites-files.ts';
import { parseProject } from './project.ts';
import { runProjectTests, type TestResult } from './test-runner.ts';
import { projectTypeDiagnostics } from './type-check.ts';

const missing = mirrorMissing();

/** What each failing test needs; every other test of the suite must pass. */
const EXPECTED_FAILURES: Record<string, string> = {
  import_text: "module 'text' (not in the playground)",
  error_parse: "module 'registry' (out of scope)",
  error_missing_return: "module 'registry' (out of scope)",
  error_type_mismatch: "module 'registry' (out of scope)",
  error_wrong_args: "module 'registry' (out of scope)",
  error_unknown_field: "module 'registry' (out of scope)",
  error_not_callable: "module 'registry' (out of scope)",
  error_nil_safety: "module 'registry' (out of scope)",
  error_arithmetic: "module 'registry' (out of scope)",
  error_return_type: "module 'registry' (out of scope)",
  error_union_mismatch: "module 'registry' (out of scope)",
  nested_wrapper_chain: "module 'registry' (out of scope)",
  repro_nested_wrapper_chain: "module 'sql' (out of scope)",
};

describe.skipIf(missing !== null)(
  `the runtime's types suite${missing === null ? '' : ` (skipped: ${missing})`}`,
  () => {
    it(
      'passes every test that needs neither registry, sql nor the missing modules',
      { timeout: 120_000 },
      async () => {
        const project = parseProject(readPlatformSuites(['types']));
        // Every run checks the project's types first; the platform's own code must pass clean.
        expect(projectTypeDiagnostics(project)).toEqual([]);
        const results = await runProjectTests(project, {
          filter: (entry) => entry.meta.suite === 'types',
          timeoutMs: 20_000,
        });
        const byName = new Map<string, TestResult>(results.map((r) => [r.id.split(':')[1], r]));
        expect(byName.size).toBeGreaterThanOrEqual(54);
        const unexpected = results.filter(
          (r) => !r.passed && !(r.id.split(':')[1] in EXPECTED_FAILURES),
        );
        expect(unexpected.map((r) => `${r.id}: ${r.message}`)).toEqual([]);
        for (const [name, why] of Object.entries(EXPECTED_FAILURES)) {
          const result = byName.get(name);
          expect(result?.passed, `${name} was expected to fail (${why})`).toBe(false);
          expect(result?.message).toContain(why.split(' (')[0]);
        }
        expect(results.filter((r) => r.passed).length).toBe(
          byName.size - Object.keys(EXPECTED_FAILURES).length,
        );
      },
    );
  },
);
