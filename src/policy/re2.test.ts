/** The Go regexp (RE2) patterns of `matches` conditions (condition_evaluator.go uses regexp.Compile and MatchString). */
import { describe, expect, it } from 'vitest';
import { compileGoRegexp } from './re2.ts';

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
      error: expect.stringContaining('lookaround'),
    });
    expect(compileGoRegexp('(a)\\1')).toMatchObject({
      ok: false,
      error: expect.stringContaining('backreferences'),
    });
    expect(compileGoRegexp('[a')).toMatchObject({
      ok: false,
      error: expect.stringContaining('invalid regular expression'),
    });
  });

  it('refuses RE2 that JavaScript would read differently, and patterns that would backtrack badly', () => {
    expect(compileGoRegexp('[[:alpha:]]')).toMatchObject({
      ok: false,
      error: expect.stringContaining('POSIX'),
    });
    expect(compileGoRegexp('\\pL')).toMatchObject({
      ok: false,
      error: expect.stringContaining('Unicode'),
    });
    expect(compileGoRegexp('a(?i)b')).toMatchObject({
      ok: false,
      error: expect.stringContaining('flags'),
    });
    expect(compileGoRegexp('(a+)+$')).toMatchObject({
      ok: false,
      error: expect.stringContaining('repeated group'),
    });
    expect(compileGoRegexp('([+*]x)+').ok).toBe(true);
  });
});
