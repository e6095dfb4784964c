/**
 * `string.format` under wippy: go-lua's `strFormat`, which is Go's `fmt.Sprintf` applied to
 * the raw Lua values (go-fmt.ts) after slicing the arguments to the number of `%` in the
 * format that are not `%%`. The traps (a float verb on an integer, `%x` of an integer, a
 * missing argument, a truncated float, `__tostring` ignored) print what the platform prints
 * and warn at the line with what to write instead.
 */
import { lauxlib, lua, luaString, type LuaState } from '../../lua/api.ts';
import { warn } from '../../warnings.ts';
import { toError } from '../errors.ts';
import { pushByteString, toByteString, utf8ByteString } from './byte-string.ts';
import { goSprintf, type FormatTrap, type GoArg } from './go-fmt.ts';
import { goValueText } from './tostring.ts';

function count(s: string, part: string): number {
  let n = 0;
  for (let i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length)) n++;
  return n;
}

function refArg(L: LuaState, idx: number, goType: string): GoArg {
  const text = goValueText(L, idx);
  return { kind: 'ref', goType, text, id: text.slice(text.indexOf('0x') + 2) };
}

/** The Go value go-lua passes for the Lua value at `idx`. */
function goArg(L: LuaState, idx: number): GoArg {
  switch (lua.lua_type(L, idx)) {
    case lua.LUA_TSTRING:
      return { kind: 'string', bytes: toByteString(lua.lua_tolstring(L, idx) as Uint8Array) };
    case lua.LUA_TNUMBER:
      return lua.lua_isinteger(L, idx)
        ? { kind: 'int', value: lua.lua_tointeger(L, idx) }
        : { kind: 'float', value: lua.lua_tonumber(L, idx) };
    case lua.LUA_TBOOLEAN:
      return { kind: 'bool', value: lua.lua_toboolean(L, idx) as boolean };
    case lua.LUA_TNIL:
      return { kind: 'nil' };
    case lua.LUA_TTABLE:
      return refArg(L, idx, '*lua.LTable');
    case lua.LUA_TFUNCTION:
      return refArg(L, idx, lua.lua_iscfunction(L, idx) ? 'lua.LGoFunc' : '*lua.LFunction');
    case lua.LUA_TTHREAD:
      return refArg(L, idx, '*lua.LState');
    default: {
      const error = toError(L, idx);
      if (!error) return refArg(L, idx, '*lua.LUserData');
      return { kind: 'ref', goType: '*lua.Error', text: utf8ByteString(error.message), id: '0' };
    }
  }
}

function trapWarning(trap: FormatTrap): string {
  switch (trap.kind) {
    case 'bad-verb':
      return (
        `string.format: %${trap.verb} of an integer prints "${trap.output}" on the platform ` +
        `(Go's fmt has no %${trap.verb} for integers); make it a float (x + 0.0), or use %d`
      );
    case 'hex-of-integer':
      return (
        `string.format: %${trap.verb} of an integer hex-encodes its decimal text on the ` +
        `platform ("${trap.output}"); make it a float first: string.format("%${trap.verb}", n + 0.0)`
      );
    case 'missing':
      return (
        `string.format: no argument for %${trap.verb}: the platform prints ` +
        `"%!${trap.verb}(MISSING)" where Lua 5.3 raises; pass one argument per verb`
      );
    case 'truncated-float':
      return (
        `string.format: %${trap.verb} of ${trap.value} truncates it on the platform (Lua 5.3 ` +
        `raises); round it yourself: math.floor(x)`
      );
  }
}

/** Warn when `%s`/`%v`/`%q` meets a value whose `__tostring` Go never calls. */
function warnIgnoredToString(L: LuaState, nargs: number): void {
  for (let i = 2; i <= nargs + 1; i++) {
    const t = lua.lua_type(L, i);
    if (t !== lua.LUA_TTABLE && t !== lua.LUA_TUSERDATA) continue;
    if (t === lua.LUA_TUSERDATA && toError(L, i)) continue;
    if (lauxlib.luaL_getmetafield(L, i, luaString('__tostring')) === lua.LUA_TNIL) continue;
    lua.lua_pop(L, 1);
    warn(
      L,
      `string.format: the platform ignores __tostring here and prints "${goValueText(L, i)}"; ` +
        `pass tostring(x)`,
    );
  }
}

interface ParsedFormat {
  text: string;
  /** go-lua's count of verbs: `%` not in `%%`. */
  verbs: number;
  /** Could a `%s %v %q` meet a `__tostring` Go ignores? */
  stringVerbs: boolean;
}

/** Formats by the bytes of their Lua string: a constant format is read once, not per call. */
const parsed = new WeakMap<Uint8Array, ParsedFormat>();

function parseFormat(bytes: Uint8Array): ParsedFormat {
  let entry = parsed.get(bytes);
  if (entry === undefined) {
    const text = toByteString(bytes);
    entry = {
      text,
      verbs: count(text, '%') - count(text, '%%'),
      stringVerbs: /%[-+# 0-9.*[\]]*[svq]/.test(text),
    };
    parsed.set(bytes, entry);
  }
  return entry;
}

export function format(L: LuaState): number {
  const { text, verbs, stringVerbs } = parseFormat(lauxlib.luaL_checklstring(L, 1) as Uint8Array);
  const given = lua.lua_gettop(L) - 1;
  const nargs = Math.max(0, Math.min(verbs, given));
  const args: GoArg[] = new Array<GoArg>(nargs);
  for (let i = 0; i < nargs; i++) args[i] = goArg(L, i + 2);
  const result = goSprintf(text, args);
  for (const trap of result.traps) warn(L, trapWarning(trap));
  if (stringVerbs) warnIgnoredToString(L, nargs);
  pushByteString(L, result.text);
  return 1;
}
