/**
 * Syntax errors at the right line, worded as Lua words them; the tree's shape for the typed
 * constructs the checker reads.
 */
import { describe, expect, it } from 'vitest';
import { parse } from './parser.ts';
import type { LocalStat, ReturnStat, TypeAliasStat } from './ast.ts';

function firstError(source: string) {
  const { errors } = parse(source);
  return errors[0] && { line: errors[0].line, message: errors[0].message };
}

describe('syntax errors', () => {
  it.each([
    [
      'local function f()\n  if x then\n    return 1\nend',
      4,
      "'end' expected (to close 'function' at line 1) near <eof>",
    ],
    ['local x = (1 + 2', 1, "')' expected near <eof>"],
    ['local x = 1\nlocal y = user!.name', 2, "unexpected symbol near '.'"],
    ['local s = "abc', 1, "unfinished string near '\"abc'"],
    ['x = = 1', 1, "unexpected symbol near '='"],
    ['local t: {number = 1', 1, "'}' expected near '='"],
    ['type = 5\ntype Foo 5', 2, "'=' expected near '5'"],
    ['local is = 1', 1, "<name> expected near 'is'"],
    ['f()\n(g)()', 2, "ambiguous syntax (function call x new statement) near '('"],
    ['for i = 1 do end', 1, "',' expected near 'do'"],
    ['return 1\nprint(2)', 2, "'<eof>' expected near 'print'"],
  ])('%j fails at line %i: %s', (source, line, message) => {
    expect(firstError(source)).toEqual({ line, message });
  });

  it('returns a tree with the statements after an error', () => {
    const { chunk, errors } = parse('local a = 1\nlocal b = = 2\nlocal c: number = 3');
    expect(errors).toHaveLength(1);
    expect(chunk.body.body.map((s) => s.kind)).toEqual(['Local', 'ErrorStat', 'Local']);
  });

  it('never throws on arbitrary input', () => {
    for (const source of [
      '@@',
      '::',
      '<<<>>>',
      ']]',
      '{[',
      'type',
      'interface',
      '\u0000',
      '-->',
      '?:!',
    ]) {
      expect(() => parse(source)).not.toThrow();
    }
  });
});

describe('the typed tree', () => {
  it('gives annotations their own spans, colon included', () => {
    const source = 'local x: number? = 1';
    const local = parse(source).chunk.body.body[0] as LocalStat;
    const annotation = local.names[0].annotation!;
    expect(source.slice(annotation.start, annotation.end)).toBe(': number?');
    expect(annotation.type.kind).toBe('OptionalType');
  });

  it('parses unions and intersections on one level, left to right, as go-lua', () => {
    const alias = parse('type T = A | B & C').chunk.body.body[0] as TypeAliasStat;
    expect(alias.type.kind).toBe('IntersectionType');
  });

  it('binds casts and ! tighter than binary operators', () => {
    const ret = parse('return a + b :: number').chunk.body.body[0] as ReturnStat;
    expect(ret.values[0].kind).toBe('Binary');
    const bin = ret.values[0] as Extract<ReturnStat['values'][0], { kind: 'Binary' }>;
    expect(bin.right.kind).toBe('Cast');
  });

  it('reads nested generics closed by >>', () => {
    const { errors } = parse('type N = Box<Box<number>>');
    expect(errors).toEqual([]);
  });

  it('tells a label from a cast', () => {
    const { chunk, errors } = parse('local v = x :: T\n::top::\ngoto top');
    expect(errors).toEqual([]);
    expect(chunk.body.body.map((s) => s.kind)).toEqual(['Local', 'Label', 'Goto']);
  });
});
