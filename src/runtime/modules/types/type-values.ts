/**
 * Type values in Lua (go-lua `LType`): userdata of the metatable `type`, callable (validate:
 * `Point(v)` returns v or raises `expected Point, got table`; with type arguments, instantiate
 * a generic), with the methods `:is(v)` (`v, nil` or `nil, err` of kind Invalid with details
 * field/expected/got), `:kind() :name() :elem() :key() :val() :inner() :ret() :fields()
 * :variants() :params() :tparams()`, record fields by name (`User.name`), `==` (structural),
 * `<=` (subtype), `<` (strict subtype) and `tostring`. The built-in and declared types are
 * interned per state, so a type is one table key (`handlers[Number]`).
 */
import {
  argError,
  decodeUtf8,
  lauxlib,
  lua,
  luaString,
  pushText,
  raise,
  type LuaState,
} from '../../lua/api.ts';
import { userdataType } from '../../lua/userdata.ts';
import type { TypeDesc } from '../../../dialect/manifest.ts';
import { pushError } from '../errors.ts';
import { warn } from '../../warnings.ts';
import {
  displayName,
  isSubtype,
  kindOf,
  resolve,
  typeEquals,
  EMPTY_SCOPE,
  type RuntimeType,
} from './type-model.ts';
import { luaTypeName, Validator, type ValidationError } from './validate.ts';

const typeValue = userdataType<RuntimeType>('type');

/**
 * The state a type operation runs in, for the rare resolution that must read Lua (a type of a
 * required module, `inner.Inner`); set on entry to every metamethod and method.
 */
let currentState: LuaState | null = null;

export function activeState(): LuaState | null {
  return currentState;
}

function entered<T extends unknown[]>(fn: (L: LuaState, ...rest: T) => number) {
  return (L: LuaState, ...rest: T): number => {
    const previous = currentState;
    currentState = L;
    try {
      return fn(L, ...rest);
    } finally {
      currentState = previous;
    }
  };
}

export function toType(L: LuaState, idx: number): RuntimeType | null {
  return typeValue.to(L, idx);
}

const builtin = (name: string): RuntimeType => ({
  desc: { k: 'name', name },
  scope: EMPTY_SCOPE,
  name,
});

/** The built-in types, one object each (so one userdata each per state). */
export const BUILTIN_TYPES: Record<string, RuntimeType> = Object.fromEntries(
  ['nil', 'boolean', 'number', 'integer', 'string', 'any', 'unknown', 'never', 'table'].map((n) => [
    n,
    builtin(n),
  ]),
);
const FUNCTION_TYPE: RuntimeType = {
  desc: { k: 'function', params: [], returns: [] },
  scope: EMPTY_SCOPE,
};

/** Interned types' registry references, per Lua state. */
const interned = new WeakMap<object, Map<RuntimeType, number>>();

function internTable(L: LuaState): Map<RuntimeType, number> {
  const key = (L as unknown as { l_G: object }).l_G;
  let table = interned.get(key);
  if (!table) {
    table = new Map();
    interned.set(key, table);
  }
  return table;
}

/** Pushes `t`; interned types (built-ins, declared types) are always the same userdata. */
export function pushType(L: LuaState, t: RuntimeType, intern = false): void {
  const table = internTable(L);
  const ref = table.get(t);
  if (ref !== undefined) {
    lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, ref);
    return;
  }
  typeValue.push(L, t);
  if (intern || Object.values(BUILTIN_TYPES).includes(t)) {
    lua.lua_pushvalue(L, -1);
    table.set(t, lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX));
  }
}

function validator(L: LuaState): Validator {
  return new Validator(L, (idx) => typeValue.to(L, idx) !== null);
}

/** `nil, err` with the platform's validation error (kind Invalid, details). */
function pushValidationError(L: LuaState, error: ValidationError): void {
  const details = new Map<string, string>();
  if (error.field) details.set('field', error.field);
  if (error.expected) details.set('expected', error.expected);
  if (error.got) details.set('got', error.got);
  if (error.constraint) details.set('constraint', error.constraint);
  pushError(L, { kind: 'Invalid', message: error.message, retryable: false, details });
}

/** An iterator function over a list of JS values (`for f in T:variants() do`). */
function pushIterator(L: LuaState, count: number, pushItem: (i: number) => number): void {
  let i = 0;
  lua.lua_pushcfunction(L, (L1: LuaState) => {
    if (i >= count) {
      lua.lua_pushnil(L1);
      return 1;
    }
    return pushItem(i++);
  });
}

const child = (t: RuntimeType, desc: TypeDesc): RuntimeType => ({ desc, scope: t.scope });

const METHODS: Record<string, (L: LuaState, t: RuntimeType) => number> = {
  is(L, t) {
    const idx = lua.lua_gettop(L) >= 2 ? 2 : 1;
    const error = validator(L).check(lua.lua_absindex(L, idx), t);
    if (!error) {
      lua.lua_pushvalue(L, idx);
      lua.lua_pushnil(L);
    } else {
      lua.lua_pushnil(L);
      pushValidationError(L, error);
    }
    return 2;
  },
  kind(L, t) {
    pushText(L, kindOf(t));
    return 1;
  },
  name(L, t) {
    if (t.name) pushText(L, t.name);
    else lua.lua_pushnil(L);
    return 1;
  },
  elem(L, t) {
    const d = resolve(t).desc;
    if (d.k === 'array') pushType(L, child(resolve(t), d.elem));
    else lua.lua_pushnil(L);
    return 1;
  },
  key(L, t) {
    const d = resolve(t).desc;
    if (d.k === 'map') pushType(L, child(resolve(t), d.key));
    else lua.lua_pushnil(L);
    return 1;
  },
  val(L, t) {
    const d = resolve(t).desc;
    if (d.k === 'map') pushType(L, child(resolve(t), d.val));
    else lua.lua_pushnil(L);
    return 1;
  },
  inner(L, t) {
    const d = resolve(t).desc;
    if (d.k === 'optional') pushType(L, child(resolve(t), d.inner));
    else lua.lua_pushnil(L);
    return 1;
  },
  ret(L, t) {
    const r = resolve(t);
    const d = r.desc;
    if (d.k === 'function' && d.returns && d.returns.length === 1)
      pushType(L, child(r, d.returns[0]));
    else if (d.k === 'function' && d.returns && d.returns.length > 1) {
      pushType(
        L,
        child(r, {
          k: 'record',
          fields: d.returns.map((x, i) => ({ name: String(i + 1), optional: false, type: x })),
        }),
      );
    } else lua.lua_pushnil(L);
    return 1;
  },
  fields(L, t) {
    const r = resolve(t);
    const d = r.desc;
    if (d.k !== 'record') {
      lua.lua_pushnil(L);
      return 1;
    }
    pushIterator(L, d.fields.length, (i) => {
      pushText(L, d.fields[i].name);
      pushType(L, child(r, d.fields[i].type));
      return 2;
    });
    return 1;
  },
  variants(L, t) {
    const r = resolve(t);
    const d = r.desc;
    if (d.k !== 'union') {
      lua.lua_pushnil(L);
      return 1;
    }
    pushIterator(L, d.types.length, (i) => {
      pushType(L, child(r, d.types[i]));
      return 1;
    });
    return 1;
  },
  params(L, t) {
    const r = resolve(t);
    const d = r.desc;
    if (d.k !== 'function') {
      lua.lua_pushnil(L);
      return 1;
    }
    pushIterator(L, d.params.length, (i) => {
      pushType(L, child(r, d.params[i].type));
      return 1;
    });
    return 1;
  },
  tparams(L, t) {
    const declared =
      t.desc.k === 'name' && !t.desc.args ? t.scope.types.get(t.desc.name) : undefined;
    if (!declared || declared.params.length === 0) {
      lua.lua_pushnil(L);
      return 1;
    }
    pushIterator(L, declared.params.length, (i) => {
      pushText(L, declared.params[i]);
      lua.lua_pushnil(L);
      return 2;
    });
    return 1;
  },
};

function typeIndex(L: LuaState): number {
  const t = typeValue.check(L, 1);
  if (lua.lua_type(L, 2) !== lua.LUA_TSTRING) {
    lua.lua_pushnil(L);
    return 1;
  }
  const key = decodeUtf8(lua.lua_tostring(L, 2));
  // Own keys only: `constructor` or `__proto__` must not reach Object's.
  const method = Object.hasOwn(METHODS, key) ? METHODS[key] : undefined;
  if (method && hasField(t, key)) {
    warn(
      L,
      `${displayName(t)}.${key} is the type method :${key}(), not the field '${key}' (methods come first, as on the platform); use ${displayName(t)}:fields()`,
    );
  }
  if (method) {
    lua.lua_pushcfunction(
      L,
      entered((L1: LuaState) => method(L1, t)),
    );
    return 1;
  }
  const r = resolve(t);
  if (r.desc.k === 'record') {
    const field = r.desc.fields.find((f) => f.name === key);
    if (field) {
      pushType(L, child(r, field.type));
      return 1;
    }
  }
  if (t === BUILTIN_TYPES.string) {
    // go-lua: the string type also reaches the string library (string.upper …).
    lua.lua_getglobal(L, luaString('string'));
    if (lua.lua_istable(L, -1)) {
      lua.lua_getfield(L, -1, luaString(key));
      return 1;
    }
  }
  lua.lua_pushnil(L);
  return 1;
}

function hasField(t: RuntimeType, key: string): boolean {
  const d = resolve(t).desc;
  return d.k === 'record' && d.fields.some((f) => f.name === key);
}

function typeCall(L: LuaState): number {
  const t = typeValue.check(L, 1);
  const nargs = lua.lua_gettop(L) - 1;
  const name = displayName(t);
  if (nargs === 0) raise(L, `type ${name} expects at least 1 argument`);
  let typeArgs = 0;
  for (let i = 2; i <= nargs + 1; i++) if (typeValue.to(L, i)) typeArgs++;
  if (typeArgs === nargs) {
    const declared = t.desc.k === 'name' ? t.scope.types.get(t.desc.name) : undefined;
    if (!declared || declared.params.length === 0) raise(L, `type ${name} is not generic`);
    if (nargs !== declared.params.length) {
      raise(L, `generic ${name} expects ${declared.params.length} type arguments, got ${nargs}`);
    }
    const args: TypeDesc[] = [];
    for (let i = 2; i <= nargs + 1; i++) args.push(inlineDesc(typeValue.to(L, i)!));
    pushType(L, { desc: { k: 'name', name: declared.name, args }, scope: t.scope, name: t.name });
    return 1;
  }
  if (typeArgs !== 0) raise(L, `type ${name} does not accept mixed type/value arguments`);
  if (nargs !== 1) raise(L, `type ${name} validation expects 1 value, got ${nargs}`);
  const error = validator(L).check(2, t);
  if (error)
    raise(L, `expected ${name}, got ${luaTypeName(L, 2, (i) => typeValue.to(L, i) !== null)}`);
  lua.lua_pushvalue(L, 2);
  return 1;
}

/** A type argument carried into another scope: built-ins by name, others resolved deeply. */
function inlineDesc(t: RuntimeType): TypeDesc {
  if (t.scope === EMPTY_SCOPE) return t.desc;
  const r = resolve(t);
  return r.desc;
}

function binaryTypes(L: LuaState): [RuntimeType, RuntimeType] | null {
  const a = typeValue.to(L, 1);
  const b = typeValue.to(L, 2);
  return a && b ? [a, b] : null;
}

/** Creates the metatable and the globals (`Number`, `Integer`, … and the hidden call names). */
export function openTypeValues(L: LuaState): void {
  typeValue.register(L, {
    metamethods: {
      __index: entered(typeIndex),
      __call: entered(typeCall),
      __eq: entered((L1) => {
        const pair = binaryTypes(L1);
        lua.lua_pushboolean(L1, pair !== null && typeEquals(pair[0], pair[1]));
        return 1;
      }),
      __le: entered((L1) => {
        const pair = binaryTypes(L1);
        if (!pair) argError(L1, 2, 'type expected');
        lua.lua_pushboolean(L1, isSubtype(pair[0], pair[1]));
        return 1;
      }),
      __lt: entered((L1) => {
        const pair = binaryTypes(L1);
        if (!pair) argError(L1, 2, 'type expected');
        lua.lua_pushboolean(L1, isSubtype(pair[0], pair[1]) && !typeEquals(pair[0], pair[1]));
        return 1;
      }),
      __tostring(L1) {
        pushText(L1, displayName(typeValue.check(L1, 1)));
        return 1;
      },
    },
  });
}

/** The type of a value, as `typeof(v)` answers without a static type. */
export function pushTypeOfValue(L: LuaState, idx: number): void {
  switch (lua.lua_type(L, idx)) {
    case lua.LUA_TNIL:
    case lua.LUA_TNONE:
      return pushType(L, BUILTIN_TYPES.nil);
    case lua.LUA_TBOOLEAN:
      return pushType(L, BUILTIN_TYPES.boolean);
    case lua.LUA_TNUMBER:
      return pushType(L, lua.lua_isinteger(L, idx) ? BUILTIN_TYPES.integer : BUILTIN_TYPES.number);
    case lua.LUA_TSTRING:
      return pushType(L, BUILTIN_TYPES.string);
    case lua.LUA_TTABLE:
      return pushType(L, BUILTIN_TYPES.table);
    case lua.LUA_TFUNCTION:
      return pushType(L, FUNCTION_TYPE, true);
    default:
      if (typeValue.to(L, idx)) return pushType(L, BUILTIN_TYPES.any);
      return pushType(L, BUILTIN_TYPES.any);
  }
}
