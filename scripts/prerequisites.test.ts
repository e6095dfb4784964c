/**
 * The decision of scripts/ensure-prerequisites.mjs, with a fake file system and user: a clean
 * machine (neither Chromium nor lua5.3) gets both installed in one apt-get before any stage of
 * `npm test` (issue 19), without uninstalling anything on the machine that runs this test.
 */
import { describe, expect, it } from 'vitest';
import { planPrerequisites, PREREQUISITES } from './prerequisites.mjs';

const present =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

describe('planPrerequisites', () => {
  it('names both packages the tests need: Chromium and lua5.3', () => {
    expect(PREREQUISITES.map((p) => [p.path, p.pkg])).toEqual([
      ['/usr/bin/chromium', 'chromium'],
      ['/usr/bin/lua5.3', 'lua5.3'],
    ]);
  });

  it('on a clean machine, as root, installs both at once', () => {
    expect(planPrerequisites(PREREQUISITES, present(), true)).toEqual({
      action: 'install',
      packages: ['chromium', 'lua5.3'],
      command: 'apt-get update && apt-get install -y chromium lua5.3',
    });
  });

  it('installs only what is missing', () => {
    const plan = planPrerequisites(PREREQUISITES, present('/usr/bin/lua5.3'), true);
    expect(plan).toMatchObject({ action: 'install', packages: ['chromium'] });
  });

  it('does nothing when both are there, root or not', () => {
    const both = present('/usr/bin/chromium', '/usr/bin/lua5.3');
    expect(planPrerequisites(PREREQUISITES, both, false)).toEqual({ action: 'none' });
    expect(planPrerequisites(PREREQUISITES, both, true)).toEqual({ action: 'none' });
  });

  it('as another user, stops with the command to run as root and what each package is for', () => {
    const plan = planPrerequisites(PREREQUISITES, present('/usr/bin/chromium'), false);
    expect(plan.action).toBe('refuse');
    if (plan.action !== 'refuse') return;
    expect(plan.packages).toEqual(['lua5.3']);
    expect(plan.message).toContain('/usr/bin/lua5.3 is missing');
    expect(plan.message).toContain('apt-get update && apt-get install -y lua5.3');
  });
});

describe('npm test', () => {
  it('ensures both before its first stage, and the unit stage ensures both too', async () => {
    const { readFile } = await import('node:fs/promises');
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.test!.startsWith('node scripts/ensure-prerequisites.mjs && ')).toBe(true);
    expect(pkg.scripts['test:unit']!.startsWith('node scripts/ensure-prerequisites.mjs && ')).toBe(
      true,
    );
  });
});
