/**
 * The runtime's own suites of single modules (tests/app/src/test/{uuid,hash}), read from the
 * mirror of wippyai/runtime (platform-suites-files.ts) and run as the platform's runner runs
 * them: every test passes. For each, a negative control shows that a changed expectation
 * fails. Skips without the mirror.
 */
import { describe, expect, it } from 'vitest';
import { mirrorMissing, readPlatformSuites } from './platform-suites-files.ts';
import { parseProject, testSuites } from './project.ts';
import { runProjectTests } from './test-runner.ts';

const PER_TEST_TIMEOUT_MS = 20_000;
const missing = mirrorMissing();

/** Each suite, its size, and one expectation to break: in which test, from what to what. */
const SUITES = [
  {
    suite: 'uuid',
    tests: 5,
    control: {
      path: 'test/uuid/format.lua',
      id: 'app.test.uuid:format',
      original: '"6ba7b8109dad11d180b400c04fd430c8"',
      changed: '"6ba7b810-9dad11d180b400c04fd430c8"',
      message: 'simple no dashes',
    },
  },
  {
    suite: 'hash',
    tests: 4,
    control: {
      path: 'test/hash/sha.lua',
      id: 'app.test.hash:sha',
      original: '"aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d"',
      changed: '"aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434e"',
      message: 'sha1 hello',
    },
  },
];

describe.skipIf(missing !== null).each(SUITES)(
  `the runtime's $suite suite${missing ? ` (skipped: ${missing})` : ''}`,
  ({ suite, tests, control }) => {
    it(`passes all ${tests} tests`, { timeout: tests * PER_TEST_TIMEOUT_MS }, async () => {
      const project = parseProject(readPlatformSuites([suite]));
      expect(project.problems).toEqual([]);
      expect([...testSuites(project)].map(([name, entries]) => [name, entries.length])).toEqual([
        [suite, tests],
      ]);
      const results = await runProjectTests(project, { timeoutMs: PER_TEST_TIMEOUT_MS });
      expect(results.filter((r) => !r.passed).map((r) => `${r.id}: ${r.message ?? ''}`)).toEqual(
        [],
      );
      expect(results).toHaveLength(tests);
    });

    it('fails a test whose expectation is changed (negative control)', async () => {
      const files = readPlatformSuites([suite]);
      const target = files.find((f) => f.path === control.path)!;
      expect(target.text).toContain(control.original);
      target.text = target.text.replace(control.original, control.changed);
      const [result] = await runProjectTests(parseProject(files), {
        timeoutMs: PER_TEST_TIMEOUT_MS,
        filter: (entry) => entry.id === control.id,
      });
      expect(result?.passed).toBe(false);
      expect(result?.message).toContain(control.message);
    });
  },
);
