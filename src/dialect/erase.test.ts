/**
 * The front end against fixture pairs (fixtures/NAME.lua → fixtures/NAME.erased.lua): every
 * construct of the typed grammar parses, erasing keeps every line and column (only spaces,
 * `;` and the same-length hidden names change), and the output is Lua 5.3 that fengari loads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lauxlib, lua } from 'fengari';
import { prepareChunk } from './front-end.ts';

const DIR = join(import.meta.dirname, 'fixtures');
const CASES = readdirSync(DIR)
  .filter((f) => f.endsWith('.lua') && !f.endsWith('.erased.lua'))
  .map((f) => f.replace(/\.lua$/, ''));

function loadsAsLua53(code: string): string | null {
  const L = lauxlib.luaL_newstate();
  const bytes = new TextEncoder().encode(code);
  const status = lauxlib.luaL_loadbuffer(L, bytes, bytes.length, null);
  return status === lua.LUA_OK ? null : new TextDecoder().decode(lua.lua_tolstring(L, -1));
}

describe('erasing the typed dialect', () => {
  it.each(CASES)('%s.lua erases to %s.erased.lua', (name) => {
    const source = readFileSync(join(DIR, `${name}.lua`), 'utf8');
    const expected = readFileSync(join(DIR, `${name}.erased.lua`), 'utf8');
    const prepared = prepareChunk(source);
    if (!prepared.ok) throw new Error(prepared.error.message);
    expect(prepared.code).toBe(expected);
  });

  it.each(CASES)('%s.lua keeps every line and column', (name) => {
    const source = readFileSync(join(DIR, `${name}.lua`), 'utf8');
    const prepared = prepareChunk(source);
    if (!prepared.ok) throw new Error(prepared.error.message);
    expect(prepared.code.length).toBe(source.length);
    const newlines = (s: string) => [...s].flatMap((c, i) => (c === '\n' ? [i] : []));
    expect(newlines(prepared.code)).toEqual(newlines(source));
  });

  it.each(CASES)('%s.erased.lua is Lua 5.3', (name) => {
    expect(loadsAsLua53(readFileSync(join(DIR, `${name}.erased.lua`), 'utf8'))).toBeNull();
  });

  it('puts a ; where blanking a type would make the next line a call', () => {
    const prepared = prepareChunk('local a = b\ntype T = number\n(f)()');
    expect(prepared.ok && prepared.code).toBe('local a = b\n;              \n(f)()');
  });

  it('renames a called built-in type only when it is a global', () => {
    const prepared = prepareChunk(
      'local a = integer(1)\nlocal integer = tonumber\nlocal b = integer("2")',
    );
    expect(prepared.ok && prepared.code).toBe(
      'local a = _Ti    (1)\nlocal integer = tonumber\nlocal b = integer("2")',
    );
  });
});
