import { describe, expect, it } from 'vitest';
import { inflateZip } from './bounded-unzip.ts';
import { ImportBudget } from './import-budget.ts';
import { craftZip, deflatedRun } from '../test-support/crafted-zip.ts';

const MiB = 1024 * 1024;

/** A budget that keeps how many inflated bytes it was shown in all. */
class CountingBudget extends ImportBudget {
  shown = 0;
  override count(path: string, bytes: number, fileBytes: number): string | null {
    this.shown += bytes;
    return super.count(path, bytes, fileBytes);
  }
}

describe('a zip inflated under a budget', () => {
  it('stops a bomb within one slice of the bound, not after inflating it', () => {
    const bomb = craftZip([
      { name: 'bomb.lua', data: deflatedRun(48 * MiB), method: 8, declaredSize: 100 },
    ]);
    const budget = new CountingBudget('the archive', 'inflates past');
    expect(inflateZip(bomb, budget)).toEqual({
      ok: false,
      error: 'file bomb.lua is larger than 1024 KiB',
    });
    // One 4 KiB slice inflates to at most ~4.1 MiB (deflate's ~1032:1): far below 48 MiB.
    expect(budget.shown).toBeGreaterThan(1 * MiB);
    expect(budget.shown).toBeLessThan(1 * MiB + 4.2 * MiB);
  });

  it('does not inflate hidden files at all', () => {
    const archive = craftZip([
      { name: 'p/.git/pack', data: deflatedRun(8 * MiB), method: 8, declaredSize: 1 },
      { name: 'p/a.lua', data: new TextEncoder().encode('x'), method: 0, declaredSize: 1 },
    ]);
    const budget = new CountingBudget('the archive', 'inflates past');
    const inflated = inflateZip(archive, budget);
    expect(inflated).toMatchObject({ ok: true, files: [{ path: 'p/a.lua' }] });
    expect(budget.shown).toBe(1);
    expect(budget.skipped).toEqual(['p/.git/pack']);
  });
});
