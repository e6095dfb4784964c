/**
 * What the tests need from Debian besides npm: Chromium (Playwright drives it; a Vitest test,
 * src/server/demo/demo-hardening.integration.test.ts, launches it too) and lua5.3 (the engine's
 * differential tests compare with it). `npm test` ensures both before its first stage, so a
 * clean machine gets them before any test needs them (issue 19).
 *
 * `planPrerequisites` is the decision alone, with the file test and the user passed in, so a
 * unit test can try every case without removing a package (scripts/prerequisites.test.ts).
 */

/** Each prerequisite: the file a test runs and the Debian package that provides it. */
export const PREREQUISITES = [
  { path: '/usr/bin/chromium', pkg: 'chromium', why: 'the browser tests (Playwright and Vitest)' },
  { path: '/usr/bin/lua5.3', pkg: 'lua5.3', why: "the engine's differential tests" },
];

/**
 * @param {{ path: string, pkg: string, why: string }[]} wanted
 * @param {(path: string) => boolean} exists
 * @param {boolean} isRoot
 * @returns {{ action: 'none' } | { action: 'install', packages: string[], command: string }
 *   | { action: 'refuse', packages: string[], message: string }}
 */
export function planPrerequisites(wanted, exists, isRoot) {
  const missing = wanted.filter((p) => !exists(p.path));
  if (missing.length === 0) return { action: 'none' };
  const packages = missing.map((p) => p.pkg);
  const command = `apt-get update && apt-get install -y ${packages.join(' ')}`;
  if (isRoot) return { action: 'install', packages, command };
  const lines = missing.map((p) => `  ${p.path} is missing (package ${p.pkg}, for ${p.why})`);
  return {
    action: 'refuse',
    packages,
    message:
      `${lines.join('\n')}\nand this user cannot install it. As root:  ${command}\n` +
      'then run the tests again.',
  };
}
