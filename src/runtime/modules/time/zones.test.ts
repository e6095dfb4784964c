/** Locations over Intl, and Go's `time.Date` rule at DST transitions (Go's time.go `Date`). */
import { describe, expect, it } from 'vitest';
import { formatLayout } from './go-layout.ts';
import { goDate, wallClock } from './instant.ts';
import { fixedZone, loadLocation, numericAbbreviation, UTC } from './zones.ts';

const ny = (() => {
  const r = loadLocation('America/New_York');
  if (!r.ok) throw new Error(r.error);
  return r.location;
})();
const show = (t: ReturnType<typeof goDate>) =>
  formatLayout(wallClock(t), '2006-01-02 15:04:05 -0700 MST');

describe('zones', () => {
  it('follows DST, including the wall times a transition skips or repeats', () => {
    expect(show(goDate(2024, 1, 15, 12, 0, 0, 0, ny))).toBe('2024-01-15 12:00:00 -0500 EST');
    expect(show(goDate(2024, 7, 15, 12, 0, 0, 0, ny))).toBe('2024-07-15 12:00:00 -0400 EDT');
    // 02:30 does not exist on 2024-03-10: Go's rule lands on 01:30 EST.
    expect(show(goDate(2024, 3, 10, 2, 30, 0, 0, ny))).toBe('2024-03-10 01:30:00 -0500 EST');
    // 01:30 happens twice on 2024-11-03: Go takes the first (EDT).
    expect(show(goDate(2024, 11, 3, 1, 30, 0, 0, ny))).toBe('2024-11-03 01:30:00 -0400 EDT');
  });

  it('loads as Go: UTC and Local by name, IANA names case-sensitively, errors with Go text', () => {
    expect(loadLocation('UTC')).toEqual({ ok: true, location: UTC });
    expect(loadLocation('Local')).toMatchObject({ ok: true, location: { name: 'Local' } });
    expect(loadLocation('America/new_york')).toEqual({
      ok: false,
      error: 'unknown time zone America/new_york',
    });
    expect(loadLocation('../etc/passwd')).toEqual({
      ok: false,
      error: 'time: invalid location name',
    });
    expect(loadLocation('+05:00')).toMatchObject({ ok: false });
  });

  it('names zones without letters as tzdata does, and keeps a fixed zone as given', () => {
    expect([numericAbbreviation(4 * 3600), numericAbbreviation(-3 * 3600)]).toEqual(['+04', '-03']);
    expect(numericAbbreviation(5.5 * 3600)).toBe('+0530');
    expect(fixedZone('IST', 19800).lookup(0)).toEqual({ name: 'IST', offset: 19800 });
  });
});
