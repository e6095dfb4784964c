/**
 * Issue 21's acceptance in the CLI's runner: the runtime's own suites `process`,
 * `processfunc`, `funcs`, `ctx` and `events` (81 tests), read from the mirror of
 * wippyai/runtime (platform-suites-files.ts), run as the platform's runner runs them. Every
 * test passes except those in EXPECTED_FAILURES, each with why, and no fewer than the issue's
 * 76. A negative control shows a changed expectation fails.
 *
 * Tuning: add or remove EXPECTED_FAILURES entries (the key is the test's id, the value says
 * why and begins with text its failure message contains). Skips without the mirror.
 */
import { describe, expect, it } from 'vitest';
import { mirrorMissing, readPlatformSuites } from './platform-suites-files.ts';
import { EXPECTED_FAILURES, unexpectedFailures } from './platform-suites-expectations.ts';
import { parseProject, testSuites } from './project.ts';
import { runProjectTests, type TestResult } from './test-runner.ts';
import { projectTypeDiagnostics } from './type-check.ts';

/** The issue's bar: at least this many of the 81 pass. */
const MINIMUM_PASSING = 76;
const TEST_COUNT = 81;
const PER_TEST_TIMEOUT_MS = 20_000;

const missing = mirrorMissing();
const skip = missing;

const shortMessage = (r: TestResult) => `${r.id}: ${r.message ?? ''}`.slice(0, 400);

describe.skipIf(missing !== null)(
  `the runtime's process suites as a project${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    it('reads 81 tests in five suites without a problem', () => {
      const project = parseProject(readPlatformSuites());
      expect(project.problems).toEqual([]);
      const counts = [...testSuites(project)].map(([suite, tests]) => [suite, tests.length]);
      expect(counts).toEqual([
        ['ctx', 9],
        ['events', 10],
        ['funcs', 11],
        ['process', 46],
        ['processfunc', 5],
      ]);
    });

    it('has no type diagnostics: a run checks them first, and strict would refuse any', () => {
      const found = projectTypeDiagnostics(parseProject(readPlatformSuites()));
      expect(
        found.flatMap((f) => f.diagnostics.map((d) => `${f.file}:${d.line} ${d.message}`)),
      ).toEqual([]);
    });
  },
);

describe.skipIf(skip !== null)(
  `the runtime's process suites${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    it(
      'passes every test but the expected failures',
      { timeout: TEST_COUNT * PER_TEST_TIMEOUT_MS },
      async () => {
        const project = parseProject(readPlatformSuites());
        const results = await runProjectTests(project, { timeoutMs: PER_TEST_TIMEOUT_MS });
        expect(results).toHaveLength(TEST_COUNT);
        const byId = new Map(results.map((r) => [r.id, r]));
        const unexpected = unexpectedFailures(results);
        expect(unexpected.map(shortMessage)).toEqual([]);
        for (const [id, why] of Object.entries(EXPECTED_FAILURES)) {
          const result = byId.get(id);
          expect(result, `${id} is not a test of these suites`).toBeDefined();
          expect(result?.passed, `${id} now passes: remove it from EXPECTED_FAILURES`).toBe(false);
          expect(result?.message).toContain(why.split(' (')[0]);
        }
        expect(results.filter((r) => r.passed).length).toBeGreaterThanOrEqual(MINIMUM_PASSING);
      },
    );

    it(
      'fails a test whose expectation is changed (negative control)',
      { timeout: 60_000 },
      async () => {
        const files = readPlatformSuites();
        const target = files.find((f) => f.path === 'test/process/process_id.lua')!;
        const original = 'string.find(id, ":")';
        expect(target.text).toContain(original);
        target.text = target.text.replace(original, 'string.find(id, "no such separator")');
        const project = parseProject(files);
        const [result] = await runProjectTests(project, {
          timeoutMs: PER_TEST_TIMEOUT_MS,
          filter: (entry) => entry.id === 'app.test.process:process_id',
        });
        expect(result?.passed).toBe(false);
        expect(result?.message).toContain('id contains namespace separator');
      },
    );
  },
);
