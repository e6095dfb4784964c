/** The Go regexp (RE2) patterns of `matches` conditions (condition_evaluator.go uses regexp.Compile and MatchString). */
import { describe, expect, it } from 'vitest';
import { compileGoRegexp, MAX_PATTERN_LENGTH } from './re2.ts';

function test(pattern: string, text: string): boolean {
  const re = compileGoRegexp(pattern);
  if (!re.ok) throw new Error(re.error);
  return re.regex.test(text);
}

describe('compileGoRegexp', () => {
  it('matches unanchored, as MatchString does (the docs example "^api:/v[0-9]+/admin/.*")', () => {
    expect(test('^api:/v[0-9]+/admin/.*', 'api:/v2/admin/users')).toBe(true);
    expect(test('^api:/v[0-9]+/admin/.*', 'api:/vx/admin/users')).toBe(false);
    expect(test('admin', 'wss://h/admin/x')).toBe(true);
  });

  it('translates leading flags, named groups, \\A and \\z', () => {
    expect(test('(?i)^WSS://', 'wss://x')).toBe(true);
    expect(test('(?P<host>[a-z]+)\\.example', 'api.example')).toBe(true);
    expect(test('\\Aws://x\\z', 'ws://x')).toBe(true);
    expect(test('\\Aws://x\\z', 'ws://xy')).toBe(false);
  });

  it('refuses what RE2 refuses, naming it', () => {
    expect(compileGoRegexp('(?=a)b')).toMatchObject({
      ok: false,
      error: expect.stringContaining('invalid or unsupported Perl syntax: `(?=`'),
    });
    expect(compileGoRegexp('(a)\\1')).toMatchObject({
      ok: false,
      error: expect.stringContaining('invalid escape sequence: `\\1`'),
    });
    expect(compileGoRegexp('[a')).toMatchObject({
      ok: false,
      error: expect.stringContaining('invalid regular expression'),
    });
  });

  it('reads RE2 syntax that JavaScript does not: POSIX and Unicode classes, \\Q..\\E, flags anywhere', () => {
    expect(test('^[[:alpha:]]+$', 'abc')).toBe(true);
    expect(test('^\\pL$', 'é')).toBe(true);
    expect(test('^\\Qa.b\\E$', 'a.b')).toBe(true);
    expect(test('^\\Qa.b\\E$', 'axb')).toBe(false);
    expect(test('^a(?i)b$', 'aB')).toBe(true);
  });

  it("refuses with RE2's own message what Go's regexp.Compile refuses", () => {
    expect(compileGoRegexp('a{1001}')).toMatchObject({
      ok: false,
      error: expect.stringContaining('error parsing regexp: invalid repeat count'),
    });
    expect(compileGoRegexp('a++')).toMatchObject({
      ok: false,
      error: expect.stringContaining('invalid nested repetition operator'),
    });
    expect(compileGoRegexp('x'.repeat(MAX_PATTERN_LENGTH + 1))).toMatchObject({
      ok: false,
      error: expect.stringContaining(`longer than ${MAX_PATTERN_LENGTH}`),
    });
  });

  it('runs the patterns a backtracking engine could not (audit 2, M1): (a+)+, (a|a)*, \\d*\\d*...', () => {
    // On RE2 these are ordinary patterns; the hang test is attacks.test.ts (a child process).
    expect(test('^(a+)+$', 'a'.repeat(30))).toBe(true);
    expect(test('^(a|a)*$', 'aaaa')).toBe(true);
    expect(test('(?:[]|)(a+)+$(?:]|)', 'aa')).toBe(true);
  });
});
