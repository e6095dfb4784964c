import { describe, expect, it } from 'vitest';
import { analyze } from './dialect-analysis.ts';
import { toMarkers } from './dialect-markers.ts';
import { inTypePosition, typeAt } from './dialect-positions.ts';
import type { CheckRequest } from './dialect-protocol.ts';

const request = (code: string, over: Partial<CheckRequest> = {}): CheckRequest => ({
  type: 'check',
  id: 1,
  code,
  dialect: 'wippy',
  typeCheck: 'warn',
  chunkName: 'main.lua',
  ...over,
});

/** Lines and columns the way Monaco's model counts them, for the converter. */
function offsetModel(code: string) {
  return {
    getPositionAt(offset: number) {
      const before = code.slice(0, offset).split('\n');
      return { lineNumber: before.length, column: before[before.length - 1].length + 1 };
    },
  };
}

function marks(code: string, over: Partial<CheckRequest> = {}) {
  return toMarkers(offsetModel(code), analyze(request(code, over)).diagnostics).map((m) => ({
    line: m.startLineNumber,
    col: m.startColumn,
    severity: m.severity,
    message: m.message,
  }));
}

describe('the editor checks as you type (issues 17 and 20)', () => {
  const typed = 'local n: number = 1\nlocal s: string = n\n';

  it('marks a type error as a warning under warn and as an error under strict', () => {
    expect(marks(typed)).toEqual([
      { line: 2, col: 19, severity: 4, message: 'cannot assign number to string' },
    ]);
    expect(marks(typed, { typeCheck: 'strict' })[0].severity).toBe(8);
    expect(marks(typed, { typeCheck: 'off' })).toEqual([]);
  });

  it('gives no syntax error on typed code and a syntax error on it as Lua 5.3', () => {
    expect(marks('type P = {x: number}\nlocal p: P = {x = 1}\n')).toEqual([]);
    const lua53 = marks('local n: number = 1\n', { dialect: 'lua53' });
    expect(lua53).toHaveLength(1);
    expect(lua53[0]).toMatchObject({ line: 1, severity: 8 });
  });

  it("marks a missing end on the last line of code and the opening token's line, in both dialects", () => {
    const code = 'local function f(x)\n  if x then\n    print(x)\n  end\n\n';
    for (const dialect of ['wippy', 'lua53'] as const) {
      const found = marks(code, { dialect });
      expect(
        found.map((m) => [m.line, m.severity]),
        dialect,
      ).toEqual([
        [4, 8],
        [1, 2],
      ]);
      expect(found[0].message).toContain("'end' expected");
    }
  });

  it('keeps a position → type table for hovers', () => {
    const { types } = analyze(request('local count: integer = 3\nprint(count)\n'));
    expect(typeAt(types, 'local count: integer = 3\nprint('.length + 1)).toMatchObject({
      name: 'count',
      type: 'integer',
    });
  });
});

describe('type positions for completion', () => {
  it('knows annotations, casts and aliases from method calls', () => {
    expect(inTypePosition('local x: ')).toBe(true);
    expect(inTypePosition('local function f(a: num')).toBe(true);
    expect(inTypePosition('local function f(a): ')).toBe(true);
    expect(inTypePosition('local v = data :: ')).toBe(true);
    expect(inTypePosition('local v = data as Po')).toBe(true);
    expect(inTypePosition('type Id = number | ')).toBe(true);
    expect(inTypePosition('client:send')).toBe(false);
    expect(inTypePosition('local msg = client:')).toBe(false);
  });
});
