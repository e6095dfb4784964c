/**
 * Locations, as Go's `*time.Location`: a name and, for each instant, the zone in effect (an
 * abbreviation and an offset in seconds east of UTC). The platform reads the IANA database
 * from the server; here it comes from the JavaScript engine's `Intl` data, which has the same
 * offsets (DST rules included) but not always the same abbreviations: where `Intl` has no
 * letters for a zone, the numeric form tzdata itself uses ("+04", "+0530") stands in.
 */

export interface Zone {
  /** Abbreviation, e.g. "CET", "EDT", "+04". */
  name: string;
  /** Seconds east of UTC. */
  offset: number;
}

export interface Location {
  /** What `loc:string()` prints: "UTC", "Local", "America/New_York", a fixed zone's name. */
  readonly name: string;
  lookup(unixSec: number): Zone;
  /** The zones this location has used around `unixSec` (for parsing abbreviations). */
  zonesAround(unixSec: number): Zone[];
}

const UTC_ZONE: Zone = { name: 'UTC', offset: 0 };

export const UTC: Location = {
  name: 'UTC',
  lookup: () => UTC_ZONE,
  zonesAround: () => [UTC_ZONE],
};

/** Go's `time.FixedZone(name, offset)`. */
export function fixedZone(name: string, offset: number): Location {
  const zone = { name, offset };
  return { name, lookup: () => zone, zonesAround: () => [zone] };
}

// Date can hold ±8.64e15 ms; instants beyond use the zone at the nearest end.
const LIMIT_SEC = 8.64e12;
// Locales whose short zone names cover the common abbreviations (EST, CET, BST, AEDT, IST,
// JST, SAST, WAT, NST); the first that has letters for a zone wins.
const ABBREVIATION_LOCALES = ['en-US', 'en-GB', 'en-AU', 'en-IN', 'ja-JP', 'en-ZA', 'en-CA'];
const HALF_YEAR = 182 * 86_400;

class IntlLocation implements Location {
  private readonly fields: Intl.DateTimeFormat;
  private readonly names: Intl.DateTimeFormat[];

  constructor(
    readonly name: string,
    timeZone: string,
  ) {
    this.fields = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    this.names = ABBREVIATION_LOCALES.map(
      (locale) => new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }),
    );
  }

  lookup(unixSec: number): Zone {
    const sec = Math.max(-LIMIT_SEC, Math.min(LIMIT_SEC, unixSec));
    const date = new Date(sec * 1000);
    const offset = this.offsetAt(date, sec);
    return { name: this.abbreviation(date, offset), offset };
  }

  zonesAround(unixSec: number): Zone[] {
    return [unixSec, unixSec - HALF_YEAR, unixSec + HALF_YEAR].map((s) => this.lookup(s));
  }

  private offsetAt(date: Date, sec: number): number {
    const part: Record<string, string> = {};
    for (const p of this.fields.formatToParts(date)) part[p.type] = p.value;
    const year = part.era === 'BC' || part.era === 'B' ? 1 - Number(part.year) : Number(part.year);
    const wall = new Date(0);
    wall.setUTCFullYear(year, Number(part.month) - 1, Number(part.day));
    wall.setUTCHours(Number(part.hour), Number(part.minute), Number(part.second), 0);
    return Math.round(wall.getTime() / 1000 - Math.floor(sec));
  }

  private abbreviation(date: Date, offset: number): string {
    for (const format of this.names) {
      const name = format.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value;
      if (name && /^[A-Z]{2,5}$/.test(name) && name !== 'GMT') return name;
      if (name === 'GMT' && offset === 0) return 'GMT';
    }
    return numericAbbreviation(offset);
  }
}

/** tzdata's name for a zone without letters: "+04", "-03", "+0530". */
export function numericAbbreviation(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const minutes = Math.floor(Math.abs(offset) / 60);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = minutes % 60;
  return `${sign}${hh}${mm === 0 ? '' : String(mm).padStart(2, '0')}`;
}

export type LoadResult = { ok: true; location: Location } | { ok: false; error: string };

const loaded = new Map<string, Location>();

/**
 * Go's `time.LoadLocation` over `Intl`: "UTC" and "Local" as Go; otherwise an IANA name that
 * the engine knows, spelled with Go's case (Linux file names are case-sensitive; Intl is not).
 */
export function loadLocation(name: string): LoadResult {
  if (name === '' || name === 'UTC') return { ok: true, location: UTC };
  if (name === 'Local') return { ok: true, location: LOCAL };
  if (name.includes('..') || name.startsWith('/') || name.startsWith('\\')) {
    return { ok: false, error: 'time: invalid location name' };
  }
  const known = loaded.get(name);
  if (known) return { ok: true, location: known };
  const unknown: LoadResult = { ok: false, error: `unknown time zone ${name}` };
  if (!/^[A-Za-z]/.test(name)) return unknown;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return unknown;
  }
  if (resolved !== name && resolved.toLowerCase() === name.toLowerCase()) return unknown;
  const location = new IntlLocation(name, name);
  loaded.set(name, location);
  return { ok: true, location };
}

function localTimeZone(): string {
  try {
    return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Go's `time.Local`: the browser's (or Node's) own time zone, named "Local". */
export const LOCAL: Location = /^(Etc\/)?(UTC|UCT|Universal|Zulu)$/.test(localTimeZone())
  ? { name: 'Local', lookup: () => UTC_ZONE, zonesAround: () => [UTC_ZONE] }
  : new IntlLocation('Local', localTimeZone());
