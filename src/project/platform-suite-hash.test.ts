/**
 * The runtime's own `hash` suite (tests/app/src/test/hash, 4 tests), read from the mirror of
 * wippyai/runtime (platform-suites-files.ts) and run as the platform's runner runs them: every
 * test passes (each entry gets the module through `modules: [hash]`). A negative control shows
 * a changed expectation fails. Skips without the mirror.
 */
import { describe, expect, it } from 'vitest';
import { mirrorMissing, readPlatformSuites } from './platform-suites-files.ts';
import { parseProject, testSuites } from './project.ts';
import { runProjectTests } from './test-runner.ts';

const PER_TEST_TIMEOUT_MS = 20_000;
const missing = mirrorMissing();

describe.skipIf(missing !== null)(
  `the runtime's hash suite${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    it('passes all 4 tests', { timeout: 4 * PER_TEST_TIMEOUT_MS }, async () => {
      const project = parseProject(readPlatformSuites(['hash']));
      expect(project.problems).toEqual([]);
      expect([...testSuites(project)].map(([suite, tests]) => [suite, tests.length])).toEqual([
        ['hash', 4],
      ]);
      const results = await runProjectTests(project, { timeoutMs: PER_TEST_TIMEOUT_MS });
      expect(results.filter((r) => !r.passed).map((r) => `${r.id}: ${r.message ?? ''}`)).toEqual(
        [],
      );
      expect(results).toHaveLength(4);
    });

    it('fails a test whose expectation is changed (negative control)', async () => {
      const files = readPlatformSuites(['hash']);
      const target = files.find((f) => f.path === 'test/hash/sha.lua')!;
      const original = '"aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d"';
      expect(target.text).toContain(original);
      target.text = target.text.replace(original, '"aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434e"');
      const [result] = await runProjectTests(parseProject(files), {
        timeoutMs: PER_TEST_TIMEOUT_MS,
        filter: (entry) => entry.id === 'app.test.hash:sha',
      });
      expect(result?.passed).toBe(false);
      expect(result?.message).toContain('sha1 hello');
    });
  },
);
