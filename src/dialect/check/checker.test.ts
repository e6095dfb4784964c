import { describe, expect, it } from 'vitest';
import { diagnosticsOf } from './test-support.ts';
import { parse } from '../parser.ts';
import { check } from './checker.ts';

/** The bodies are those of the runtime's `tests/app/src/test/types/error_*.lua`. */
describe('the checker reports what the platform rejects', () => {
  it('string, number, boolean and table to the wrong type (error_type_mismatch)', () => {
    const src = [
      'local a: number = "hello"',
      'local b: string = 42',
      'local c: number = true',
      'local d: number = {}',
    ].join('\n');
    expect(diagnosticsOf(src)).toEqual([
      { line: 1, col: 19, code: 'E0000', message: 'cannot assign string to number' },
      { line: 2, col: 19, code: 'E0000', message: 'cannot assign integer to string' },
      { line: 3, col: 19, code: 'E0000', message: 'cannot assign boolean to number' },
      { line: 4, col: 19, code: 'E0000', message: 'cannot assign {} to number' },
    ]);
  });

  it('nil and an optional to a non-optional (error_nil_safety)', () => {
    const src = [
      'local x: number = nil',
      'local function get(): number?',
      '    return nil',
      'end',
      'local y: number = get()',
    ].join('\n');
    expect(diagnosticsOf(src)).toEqual([
      { line: 1, col: 19, code: 'E0000', message: 'cannot assign nil to number' },
      { line: 5, col: 19, code: 'E0000', message: 'cannot assign number? to number' },
    ]);
  });

  it('a value outside a union (error_union_mismatch)', () => {
    expect(
      diagnosticsOf('local x: number | string = true\nlocal y: number | string | boolean = {}'),
    ).toEqual([
      { line: 1, col: 28, code: 'E0000', message: 'cannot assign boolean to number | string' },
      { line: 2, col: 38, code: 'E0000', message: 'cannot assign {} to number | string | boolean' },
    ]);
  });

  it('calling a number, a string, a boolean (error_not_callable)', () => {
    const src = [
      'local n: number = 42',
      'local a = n()',
      'local s: string = "hello"',
      'local b = s()',
      'local t: boolean = true',
      'local c = t()',
    ].join('\n');
    expect(diagnosticsOf(src)).toEqual([
      { line: 2, col: 11, code: 'E0002', message: 'expected function, got number' },
      { line: 4, col: 11, code: 'E0002', message: 'expected function, got string' },
      { line: 6, col: 11, code: 'E0002', message: 'expected function, got boolean' },
    ]);
  });

  it('too few, too many and wrongly typed arguments (error_wrong_args)', () => {
    const src = [
      'local function add(a: number, b: number): number',
      '    return a + b',
      'end',
      'local function greet(name: string): string',
      '    return "Hello " .. name',
      'end',
      'local x = add(1)',
      'local y = add(1, 2, 3)',
      'local z = greet(42)',
    ].join('\n');
    expect(diagnosticsOf(src)).toEqual([
      { line: 7, col: 11, code: 'E0003', message: 'not enough arguments' },
      { line: 8, col: 11, code: 'E0003', message: 'too many arguments' },
      { line: 9, col: 17, code: 'E0000', message: 'argument 1: expected string, got integer' },
    ]);
  });

  it('a wrong return type and a missing return (error_return_type)', () => {
    const src = [
      'local function get_number(): number',
      '    return "oops"',
      'end',
      'local function none(): number',
      '    -- no return',
      'end',
    ].join('\n');
    expect(diagnosticsOf(src)).toEqual([
      { line: 2, col: 12, code: 'E0000', message: 'cannot return string, expected number' },
      { line: 4, col: 16, code: 'E0010', message: 'missing return' },
    ]);
  });

  it('accepts a missing return where nil is allowed (error_missing_return)', () => {
    const src = [
      'local function get(): number?',
      'end',
      'local function main(): boolean',
      '    return get() == nil',
      'end',
    ];
    expect(diagnosticsOf(src.join('\n'))).toEqual([]);
  });

  it('an unknown record field and a field of a number (error_unknown_field)', () => {
    const src = [
      'type Person = { name: string, age: number }',
      'local p: Person = { name = "Alice", age = 30 }',
      'local x = p.unknown',
      'local n: number = 42',
      'local y = n.field',
    ].join('\n');
    expect(diagnosticsOf(src)).toEqual([
      { line: 3, col: 13, code: 'E0004', message: "field 'unknown' does not exist on type Person" },
      { line: 5, col: 11, code: 'E0000', message: 'cannot index type number' },
    ]);
  });

  it('arithmetic on strings and booleans (error_arithmetic)', () => {
    const src = [
      'local x: string = "a" + "b"',
      'local y = "hello" + 42',
      'local z = true + false',
    ].join('\n');
    expect(diagnosticsOf(src)).toEqual([
      {
        line: 1,
        col: 19,
        code: 'E0019',
        message: 'cannot perform arithmetic on string, expected number',
      },
      {
        line: 2,
        col: 11,
        code: 'E0019',
        message: 'cannot perform arithmetic on string, expected number',
      },
      {
        line: 3,
        col: 11,
        code: 'E0019',
        message: 'cannot perform arithmetic on boolean, expected number',
      },
    ]);
  });
});

describe('the checker stays silent on correct code', () => {
  it('narrows optionals and unions through conditions and early returns', () => {
    const src = [
      'local function process(x: number?): number',
      '    if x ~= nil then',
      '        return x',
      '    end',
      '    return 0',
      'end',
      'local function pick(v: number | string): number',
      '    if type(v) == "number" then',
      '        return v',
      '    end',
      '    return #v',
      'end',
      'local function need(x: number?): number',
      '    if not x then error("none") end',
      '    local y: number = x',
      '    return y',
      'end',
    ].join('\n');
    expect(diagnosticsOf(src)).toEqual([]);
  });

  it('infers generics and checks their constraints', () => {
    const src = [
      'local function identity<T>(x: T): T return x end',
      'local n: number = identity(42)',
      'local s: string = identity("hello")',
      'type HasName = {name: string}',
      'local function greet<T: HasName>(obj: T): string return "Hello, " .. obj.name end',
      'greet({name = "Alice"})',
      'greet({age = 30})',
    ].join('\n');
    expect(diagnosticsOf(src)).toEqual([
      {
        line: 7,
        col: 7,
        code: 'E0000',
        message: "argument 1: expected HasName, got {age: integer}: missing field 'name'",
      },
    ]);
  });

  it('leaves untyped Lua alone', () => {
    const src = [
      'local t = {}',
      't.x = 1',
      'local v = t.y',
      'local last = nil',
      'for i = 1, 3 do last = i end',
      'local n: number = last',
      'local s = ("x"):upper() .. tostring(v)',
      'function old_function(x) return x + 1 end',
      'local limit = tonumber("3")',
      'for i = 1, limit do local k: integer = i end',
      'print(old_function(1, 2, 3))',
      'type Counter = {count: number}',
      'local c: Counter = setmetatable({count = 0}, {__index = {inc = function(self) end}})',
      'c:inc()',
      'if c.debug then print(c.count) end',
    ].join('\n');
    expect(diagnosticsOf(src)).toEqual([]);
  });
});

describe('the position → type table', () => {
  it('gives each declared name its type for hovers', () => {
    const src =
      'type Point = {x: number, y: number}\nlocal p: Point = {x = 1, y = 2}\nlocal n = p.x';
    const { types } = check(parse(src).chunk);
    expect(types.find((t) => t.name === 'p' && t.line === 2)).toMatchObject({
      col: 7,
      type: 'Point',
    });
    expect(types.find((t) => t.name === 'n')).toMatchObject({ line: 3, type: 'number' });
  });
});
