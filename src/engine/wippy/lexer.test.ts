/**
 * The lexer, the pattern matcher and the call depth under the `wippy` dialect: wippyai/go-lua
 * `compiler/parse/lexer.go` scanEscape (Lua 5.1's escapes: any other letter loses its
 * backslash) and scanNumber (hexadecimal digits only), `pm/pm.go` (no `%f` frontier), and
 * the runtime's `CallStackSize: 128` (process_factory.go) with go-lua's auto-growing call
 * stack. Rows of /work/shared/reference/platform-lua.md §1 "strings", "syntax", "errors".
 */
import { describe, expect, it } from 'vitest';
import { errorOf, linesOf } from './run-wippy.ts';

describe('the lexer under wippy', () => {
  it('drops the backslash of escapes Lua 5.1 did not have (`"\\x41"`, `"\\u{48}"`, `"a\\z  b"`)', async () => {
    const code = String.raw`print("\x41")
print("\u{48}")
print("a\z  b")
print("\q")`;
    expect(await linesOf(code)).toEqual(['x41', 'u{48}', 'az  b', 'q']);
  });

  it("keeps Lua 5.1's escapes", async () => {
    const code = String.raw`print("\65\066\0671")
print(#"\a\b\f\n\r\t\v\\\"\'")
print("a\
b")`;
    expect(await linesOf(code)).toEqual(['ABC1', '10', 'a\nb']);
  });

  it('does not read hexadecimal floats (`0x1p4` row)', async () => {
    expect(await linesOf('print(0x10)\nprint(0xff)')).toEqual(['16', '255']);
    expect(await errorOf('local x = 0x1p4\nprint(x)')).toMatch(/^main\.lua:\d+: /);
  });

  it('keeps Lua 5.3 escapes and hex floats under lua53', async () => {
    const code = String.raw`print("\x41\u{48}a\z  b")
print(0x1p4)`;
    expect(await linesOf(code, 'lua53')).toEqual(['AHab', '16.0']);
  });
});

describe('patterns under wippy', () => {
  it('has no %f frontier: %f matches a literal f (`("of fox"):match("%f[%a]%a+")` row)', async () => {
    const code =
      'print(("of fox"):match("%f[%a]%a+"))\nprint((("if"):find("%f")))\nprint(("(a(b)c)"):match("%b()"))';
    expect(await linesOf(code)).toEqual(['fox', '2', '(a(b)c)']);
  });

  it('keeps the frontier under lua53', async () => {
    expect(await linesOf('print(("of fox"):match("%f[%a]%a+"))', 'lua53')).toEqual(['of']);
  });
});

describe('call depth under wippy (`deep recursion` row)', () => {
  const PROBE = `local deepest = 0
local function probe(n) deepest = n probe(n + 1) end
local ok, e = pcall(probe, 1)
print(e)
print(deepest)`;

  it('allows 128 frames per coroutine, then raises a bare "stack overflow"', async () => {
    const [message, deepest] = await linesOf(PROBE);
    expect(message).toBe('stack overflow');
    // The main chunk and pcall take two frames: probe reaches 126 at most.
    expect(Number(deepest)).toBeLessThanOrEqual(126);
    expect(Number(deepest)).toBeGreaterThan(100);
  });

  it('counts each coroutine on its own', async () => {
    const code = `local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
local co = coroutine.wrap(function() return depth(110) end)
print(co())
print(depth(110))`;
    expect(await linesOf(code)).toEqual(['110', '110']);
  });

  it('recurses far deeper under lua53', async () => {
    const code =
      'local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end\nprint(depth(5000))';
    expect(await linesOf(code, 'lua53')).toEqual(['5000']);
  });
});
