/**
 * Random format strings through string.format and os.date, under the runtime and under lua5.3: every
 * result and every error message must be the same, and no format may end the run with a
 * JavaScript exception (each call is under pcall, so only an escaped exception could stop the
 * script before its last line).
 */
// Local time is UTC on both engines (os.time of a table).
process.env.TZ = 'UTC';

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { lua } from '../runtime/run-for-test.ts';

const FLAG_CHARS = '-+ #0';
const CONVERSIONS = 'diouxXcaAeEfgGqs%%yFplnhL*$';
const ARGUMENTS = [
  '65',
  '2.5',
  '"str"',
  '-7',
  '1/3',
  '1e300',
  '0/0',
  '-0.0',
  'nil',
  'setmetatable({}, { __tostring = function() return "T" end })',
  '"a\\0b"',
];

/** A small deterministic generator, so a failure is reproducible. */
function generator(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

function randomFormat(next: (n: number) => number): string {
  let format = next(3) === 0 ? 'x' : '';
  const items = 1 + next(2);
  for (let i = 0; i < items; i++) {
    format += '%';
    for (let f = next(8) - 2; f > 0; f--) format += FLAG_CHARS[next(FLAG_CHARS.length)];
    for (let w = next(5) - 1; w > 0; w--) format += String(next(10));
    if (next(2) === 0) {
      format += '.';
      for (let p = next(4); p > 0; p--) format += String(next(10));
    }
    if (next(15) > 0) format += CONVERSIONS[next(CONVERSIONS.length)];
    if (next(3) === 0) format += ' ';
  }
  return format;
}

function luaString(s: string): string {
  return '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
}

function script(count: number): string[] {
  const next = generator(4242);
  const lines = [
    'local function hex(s) return (s:gsub(".", function(c) return ("%02x"):format(c:byte()) end)) end',
    'local function try(f, ...) local ok, r = pcall(string.format, f, ...) print(ok and hex(r) or "error: " .. tostring(r)) end',
  ];
  for (let i = 0; i < count; i++) {
    const args = [0, 1].map(() => ARGUMENTS[next(ARGUMENTS.length)]);
    lines.push(`try(${luaString(randomFormat(next))}, ${args.join(', ')})`);
  }
  lines.push('print("end")');
  return lines;
}

/**
 * Run `lines` (`header` lines of helpers, then one call a line, each printing one line) under
 * lua5.3 and under the runtime; each call whose line differs comes with its source line.
 */
async function againstLua53(lines: string[], header: number) {
  const source = lines.join('\n');
  const theirs = execFileSync('/usr/bin/lua5.3', ['-'], { input: source, env: { TZ: 'UTC' } })
    .toString()
    .replace(/\n$/, '')
    .split('\n');
  const result = await lua(source);
  const mismatches = theirs
    .map((line, i) =>
      line === result.lines[i]
        ? null
        : `${lines[i + header]}\n  lua5.3: ${line}\n  ours:   ${result.lines[i]}`,
    )
    .filter((m) => m !== null);
  return { theirs, result, mismatches };
}

describe('string.format with random formats', () => {
  it('gives what lua5.3 gives, error for error, and never ends the run', async () => {
    const { result, mismatches } = await againstLua53(script(4000), 2);
    expect(result.end.status).toBe('finished');
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(result.lines.at(-1)).toBe('end');
  });

  it('formats random dates as lua5.3 does (os.date with "!" and fixed times)', async () => {
    const next = generator(1970);
    const conversions = 'aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%EOqQklsP';
    const lines = [
      'local function try(f, t) local ok, r = pcall(os.date, f, t) print(ok and r:gsub("[\\t\\n]", "~") or "error: " .. r) end',
    ];
    for (let i = 0; i < 1500; i++) {
      let format = next(4) === 0 ? '*t' : '';
      for (let k = next(4); k > 0 && format === ''; k--) format += '-';
      for (let k = 1 + next(3); k > 0; k--) {
        format += '%';
        if (next(4) === 0) format += next(2) === 0 ? 'E' : 'O';
        format += conversions[next(conversions.length)];
      }
      // Every second within a 32-bit time_t.
      const t = next(2 ** 31) * (next(2) === 0 ? -1 : 1);
      lines.push(`try(${luaString('!' + format)}, ${t})`);
    }
    const { theirs, result, mismatches } = await againstLua53(lines, 1);
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(result.lines.length).toBe(theirs.length);
  });

  it('normalises random os.time tables as lua5.3 does (TZ=UTC, isdst given or not)', async () => {
    const next = generator(2038);
    const lines = [
      'local function try(t) local ok, v = pcall(os.time, t) if not ok then print("error: " .. v) return end',
      '  print(v, t.year, t.month, t.day, t.hour, t.min, t.sec, t.yday, t.wday, t.isdst) end',
    ];
    for (let i = 0; i < 500; i++) {
      // Years that keep the result within a 32-bit time_t.
      const fields = [
        `year = ${1903 + next(130)}`,
        `month = ${next(30) - 8}`,
        `day = ${next(70) - 20}`,
        next(5) === 0 ? '' : `hour = ${next(60) - 10}`,
        `min = ${next(200) - 50}`,
        `sec = ${next(200) - 50}`,
        ['', '', 'isdst = true', 'isdst = false'][next(4)],
      ];
      lines.push(`try({ ${fields.filter(Boolean).join(', ')} })`);
    }
    const { theirs, result, mismatches } = await againstLua53(lines, 2);
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(result.lines.length).toBe(theirs.length);
  });
});
