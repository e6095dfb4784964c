/**
 * The runtime's own `uuid` suite (tests/app/src/test/uuid, 5 tests), read from the mirror of
 * wippyai/runtime (platform-suites-files.ts) and run as the platform's runner runs them: every
 * test passes. A negative control shows a changed expectation fails. Skips without the mirror.
 */
import { describe, expect, it } from 'vitest';
import { mirrorMissing, readPlatformSuites } from './platform-suites-files.ts';
import { parseProject, testSuites } from './project.ts';
import { runProjectTests } from './test-runner.ts';

const PER_TEST_TIMEOUT_MS = 20_000;
const missing = mirrorMissing();

describe.skipIf(missing !== null)(
  `the runtime's uuid suite${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    it('passes all 5 tests', { timeout: 5 * PER_TEST_TIMEOUT_MS }, async () => {
      const project = parseProject(readPlatformSuites(['uuid']));
      expect(project.problems).toEqual([]);
      expect([...testSuites(project)].map(([suite, tests]) => [suite, tests.length])).toEqual([
        ['uuid', 5],
      ]);
      const results = await runProjectTests(project, { timeoutMs: PER_TEST_TIMEOUT_MS });
      expect(results.filter((r) => !r.passed).map((r) => `${r.id}: ${r.message ?? ''}`)).toEqual(
        [],
      );
      expect(results).toHaveLength(5);
    });

    it('fails a test whose expectation is changed (negative control)', async () => {
      const files = readPlatformSuites(['uuid']);
      const target = files.find((f) => f.path === 'test/uuid/format.lua')!;
      const original = '"6ba7b8109dad11d180b400c04fd430c8"';
      expect(target.text).toContain(original);
      target.text = target.text.replace(original, '"6ba7b810-9dad11d180b400c04fd430c8"');
      const [result] = await runProjectTests(parseProject(files), {
        timeoutMs: PER_TEST_TIMEOUT_MS,
        filter: (entry) => entry.id === 'app.test.uuid:format',
      });
      expect(result?.passed).toBe(false);
      expect(result?.message).toContain('simple no dashes');
    });
  },
);
