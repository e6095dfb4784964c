/**
 * The math library under wippy (go-lua `mathlib.go`, the only stored version): every function
 * computes in float64 and returns a float (`LNumber`), so `math.floor(3.5)`, `math.abs(-2)` and
 * `math.max(1, 2)` are floats (they print the same, `math.type` says `float`); `log` reads one
 * argument; `random` raises `interval is empty`, `max`/`min` with no argument `wrong number
 * of arguments`; `randomseed` does nothing (Go's rand/v2 seeds itself); `huge` is the largest
 * float64, not infinity; `log10 mod pow atan2 cosh sinh tanh frexp ldexp` are present.
 * The traps (a base to `log`, a second argument to `atan`, `randomseed`) warn at the line.
 */
import {
  lauxlib,
  lua,
  luaString,
  raise,
  setFunctions,
  type LuaFunction,
  type LuaState,
} from '../../lua/api.ts';
import { warn } from '../../warnings.ts';
import { platformParseNumber } from '../../lua/platform-numbers.ts';

const num = (L: LuaState, i: number): number => lauxlib.luaL_checknumber(L, i);
/** gopher-lua `CheckInt`: the number truncated. */
const int = (L: LuaState, i: number): number => Math.trunc(num(L, i));

function unary(f: (x: number) => number): LuaFunction {
  return (L) => {
    lua.lua_pushnumber(L, f(num(L, 1)));
    return 1;
  };
}

function binary(f: (x: number, y: number) => number): LuaFunction {
  return (L) => {
    lua.lua_pushnumber(L, f(num(L, 1), num(L, 2)));
    return 1;
  };
}

/** go-lua `luaModulo`: floored, in floats; by zero it is NaN. */
export function luaModulo(a: number, b: number): number {
  let v = a % b;
  if ((b > 0 && v < 0) || (b < 0 && v > 0)) v += b;
  return v;
}

/** Go's `math.Frexp`: x = frac × 2^exp with |frac| in [0.5, 1). */
function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let exp = Math.max(-1073, Math.floor(Math.log2(Math.abs(x))) + 1);
  let frac = x * 2 ** -exp;
  while (Math.abs(frac) < 0.5) {
    frac *= 2;
    exp--;
  }
  while (Math.abs(frac) >= 1) {
    frac /= 2;
    exp++;
  }
  return [frac, exp];
}

/** Go's `math.Ldexp`, in steps so that subnormal and huge results stay exact. */
function ldexp(frac: number, exp: number): number {
  let x = frac;
  let e = exp;
  while (e > 1000) {
    x *= 2 ** 1000;
    e -= 1000;
  }
  while (e < -1000) {
    x *= 2 ** -1000;
    e += 1000;
  }
  return x * 2 ** e;
}

function extremum(pick: (a: number, b: number) => boolean): LuaFunction {
  return (L) => {
    const n = lua.lua_gettop(L);
    if (n === 0) raise(L, 'wrong number of arguments');
    let best = num(L, 1);
    for (let i = 2; i <= n; i++) {
      const v = num(L, i);
      if (pick(v, best)) best = v;
    }
    lua.lua_pushnumber(L, best);
    return 1;
  };
}

function random(L: LuaState): number {
  const n = lua.lua_gettop(L);
  if (n === 0) {
    lua.lua_pushnumber(L, Math.random());
    return 1;
  }
  const low = n === 1 ? 1 : int(L, 1);
  const high = n === 1 ? int(L, 1) : int(L, 2);
  if (low > high) raise(L, 'interval is empty');
  lua.lua_pushnumber(L, low + Math.floor(Math.random() * (high - low + 1)));
  return 1;
}

function modf(L: LuaState): number {
  const x = num(L, 1);
  const whole = Number.isFinite(x) ? Math.trunc(x) : x;
  lua.lua_pushnumber(L, whole);
  lua.lua_pushnumber(L, Number.isFinite(x) ? x - whole : NaN);
  return 2;
}

function tointeger(L: LuaState): number {
  let value: number | null = null;
  if (lua.lua_type(L, 1) === lua.LUA_TNUMBER) {
    if (lua.lua_isinteger(L, 1)) {
      lua.lua_pushvalue(L, 1);
      return 1;
    }
    value = lua.lua_tonumber(L, 1);
  } else if (lua.lua_type(L, 1) === lua.LUA_TSTRING) {
    value = platformParseNumber(lua.lua_tojsstring(L, 1) as string);
  }
  if (value === null || !Number.isFinite(value) || !Number.isInteger(value)) {
    lua.lua_pushnil(L);
    return 1;
  }
  // Go's int64(f) on amd64: out of range gives MinInt64.
  const inRange = value >= -(2 ** 63) && value < 2 ** 63;
  lua.lua_pushinteger(
    L,
    inRange ? (Number.isSafeInteger(value) ? value : BigInt(value)) : -(2n ** 63n),
  );
  return 1;
}

function type(L: LuaState): number {
  if (lua.lua_type(L, 1) === lua.LUA_TNUMBER) {
    lua.lua_pushliteral(L, lua.lua_isinteger(L, 1) ? 'integer' : 'float');
  } else lua.lua_pushnil(L);
  return 1;
}

function ult(L: LuaState): number {
  const a = BigInt.asUintN(64, BigInt(lauxlib.luaL_checkinteger(L, 1)));
  const b = BigInt.asUintN(64, BigInt(lauxlib.luaL_checkinteger(L, 2)));
  lua.lua_pushboolean(L, a < b);
  return 1;
}

const functions: Record<string, LuaFunction> = {
  abs: unary(Math.abs),
  acos: unary(Math.acos),
  asin: unary(Math.asin),
  atan(L) {
    if (lua.lua_gettop(L) >= 2) {
      warn(L, 'math.atan: the platform ignores the second argument; use math.atan2(y, x)');
    }
    lua.lua_pushnumber(L, Math.atan(num(L, 1)));
    return 1;
  },
  atan2: binary(Math.atan2),
  ceil: unary(Math.ceil),
  cos: unary(Math.cos),
  cosh: unary(Math.cosh),
  deg: unary((x) => (x * 180) / Math.PI),
  exp: unary(Math.exp),
  floor: unary(Math.floor),
  fmod: binary((a, b) => a % b),
  frexp(L) {
    const [frac, exp] = frexp(num(L, 1));
    lua.lua_pushnumber(L, frac);
    lua.lua_pushnumber(L, exp);
    return 2;
  },
  ldexp(L) {
    lua.lua_pushnumber(L, ldexp(num(L, 1), int(L, 2)));
    return 1;
  },
  log(L) {
    if (lua.lua_gettop(L) >= 2 && !lua.lua_isnil(L, 2)) {
      warn(
        L,
        'math.log: the platform ignores the base and returns the natural logarithm; ' +
          'write math.log(x) / math.log(base)',
      );
    }
    lua.lua_pushnumber(L, Math.log(num(L, 1)));
    return 1;
  },
  log10: unary(Math.log10),
  max: extremum((v, best) => v > best),
  min: extremum((v, best) => v < best),
  mod: binary(luaModulo),
  modf,
  pow: binary(Math.pow),
  rad: unary((x) => (x * Math.PI) / 180),
  random,
  randomseed(L) {
    warn(L, 'math.randomseed does nothing on the platform: its random numbers cannot be repeated');
    return 0;
  },
  sin: unary(Math.sin),
  sinh: unary(Math.sinh),
  sqrt: unary(Math.sqrt),
  tan: unary(Math.tan),
  tanh: unary(Math.tanh),
  tointeger,
  type,
  ult,
};

/** Push the platform's math table. */
export function pushMath(L: LuaState): void {
  lua.lua_newtable(L);
  setFunctions(L, functions);
  lua.lua_pushnumber(L, Math.PI);
  lua.lua_setfield(L, -2, luaString('pi'));
  lua.lua_pushnumber(L, Number.MAX_VALUE);
  lua.lua_setfield(L, -2, luaString('huge'));
  lua.lua_pushinteger(L, 2n ** 63n - 1n);
  lua.lua_setfield(L, -2, luaString('maxinteger'));
  lua.lua_pushinteger(L, -(2n ** 63n));
  lua.lua_setfield(L, -2, luaString('mininteger'));
}
