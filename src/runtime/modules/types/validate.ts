/**
 * Checks a Lua value against a type value, with the platform's messages (go-lua
 * `value_type.go` `validateWithError`): `expected number, got string`, `y: required field
 * missing`, a path of fields and indices (`meta.active`, `tags[2]`) in front. Validators
 * (`@min` …) are checked where go-lua checks them: on names and arrays that carry them.
 */
import { decodeUtf8, lua, luaString, type LuaState } from '../../lua/api.ts';
import type { TypeDesc, ValidatorDesc } from '../../../dialect/manifest.ts';
import { resolve, typeToString, type RuntimeType } from './type-model.ts';

export interface ValidationError {
  field: string;
  expected: string;
  got: string;
  message: string;
  constraint?: string;
}

const MAX_DEPTH = 64;

function typeError(path: string, expected: string, got: string): ValidationError {
  const message = `expected ${expected}, got ${got}`;
  return { field: path, expected, got, message: path ? `${path}: ${message}` : message };
}

/** go-lua `luaTypeName`: numbers are "number", type values "type". */
export function luaTypeName(
  L: LuaState,
  idx: number,
  isTypeValue: (idx: number) => boolean,
): string {
  const t = lua.lua_type(L, idx);
  if (t === lua.LUA_TUSERDATA && isTypeValue(idx)) return 'type';
  return decodeUtf8(lua.lua_typename(L, t));
}

export class Validator {
  constructor(
    private readonly L: LuaState,
    private readonly isTypeValue: (idx: number) => boolean,
  ) {}

  /** null when the value at `idx` (absolute) is of type `t`. */
  check(idx: number, t: RuntimeType, path = '', depth = 0): ValidationError | null {
    const L = this.L;
    const got = () => luaTypeName(L, idx, this.isTypeValue);
    if (depth > MAX_DEPTH) return typeError(path, 'type', 'recursion limit exceeded');
    const r = resolve(t);
    const d = r.desc;
    const sub = (desc: TypeDesc, at: number, p: string) =>
      this.check(at, { desc, scope: r.scope }, p, depth + 1);
    switch (d.k) {
      case 'name': {
        const base = this.checkName(idx, d.name, d.module, path, got);
        if (base) return base;
        return d.validators ? this.checkValidators(idx, d.validators, path) : null;
      }
      case 'literal': {
        const ok = this.matchesLiteral(idx, d.value);
        return ok ? null : typeError(path, typeToString(d), got());
      }
      case 'optional':
        if (lua.lua_isnil(L, idx)) return null;
        return sub(d.inner, idx, path);
      case 'union':
        for (const member of d.types) if (sub(member, idx, path) === null) return null;
        return typeError(path, typeToString(d), got());
      case 'intersection':
        for (const member of d.types) {
          const error = sub(member, idx, path);
          if (error) return error;
        }
        return null;
      case 'array': {
        if (!lua.lua_istable(L, idx)) return typeError(path, typeToString(d), got());
        const n = Number(lua.lua_rawlen(L, idx));
        for (let i = 1; i <= n; i++) {
          lua.lua_rawgeti(L, idx, i);
          const error = lua.lua_isnil(L, -1)
            ? null
            : sub(d.elem, lua.lua_gettop(L), `${path}[${i}]`);
          lua.lua_pop(L, 1);
          if (error) return error;
        }
        return d.validators ? this.checkValidators(idx, d.validators, path) : null;
      }
      case 'map': {
        if (!lua.lua_istable(L, idx)) return typeError(path, typeToString(d), got());
        lua.lua_pushnil(L);
        while (lua.lua_next(L, idx) !== 0) {
          const top = lua.lua_gettop(L);
          const keyPath = this.keyPath(path, top - 1);
          let error = sub(d.key, top - 1, `${path}[key]`);
          if (error)
            error = typeError(
              `${path}[key]`,
              typeToString(d.key),
              luaTypeName(L, top - 1, this.isTypeValue),
            );
          else error = sub(d.val, top, keyPath);
          lua.lua_pop(L, 1);
          if (error) {
            lua.lua_pop(L, 1);
            return error;
          }
        }
        return null;
      }
      case 'record': {
        if (!lua.lua_istable(L, idx)) return typeError(path, typeToString(d), got());
        for (const field of d.fields) {
          lua.lua_getfield(L, idx, luaString(field.name));
          const top = lua.lua_gettop(L);
          let error: ValidationError | null = null;
          const fieldPath = path ? `${path}.${field.name}` : field.name;
          if (lua.lua_isnil(L, top)) {
            if (!field.optional && !acceptsNil(field.type)) {
              error = {
                field: fieldPath,
                expected: typeToString(field.type),
                got: 'nil',
                message: `${fieldPath}: required field missing`,
              };
            }
          } else {
            error = sub(field.type, top, fieldPath);
          }
          lua.lua_pop(L, 1);
          if (error) return error;
        }
        return null;
      }
      case 'function':
        return lua.lua_isfunction(L, idx) ? null : typeError(path, 'function', got());
      default:
        return null;
    }
  }

  private checkName(
    idx: number,
    name: string,
    module: string | undefined,
    path: string,
    got: () => string,
  ): ValidationError | null {
    const L = this.L;
    if (module)
      return {
        field: path,
        expected: `${module}.${name}`,
        got: '',
        message: withPath(path, `unresolved type ${module}.${name}`),
      };
    switch (name) {
      case 'nil':
        return lua.lua_isnil(L, idx) ? null : typeError(path, 'nil', got());
      case 'boolean':
        return lua.lua_isboolean(L, idx) ? null : typeError(path, 'boolean', got());
      case 'number':
        return lua.lua_type(L, idx) === lua.LUA_TNUMBER ? null : typeError(path, 'number', got());
      case 'integer': {
        if (lua.lua_type(L, idx) === lua.LUA_TNUMBER) {
          if (lua.lua_isinteger(L, idx) || Number.isInteger(lua.lua_tonumber(L, idx))) return null;
        }
        return typeError(path, 'integer', got());
      }
      case 'string':
        return lua.lua_type(L, idx) === lua.LUA_TSTRING ? null : typeError(path, 'string', got());
      case 'any':
      case 'unknown':
      case 'self':
        return null;
      case 'never':
        return typeError(path, 'never', got());
      case 'table':
        return lua.lua_istable(L, idx) ? null : typeError(path, 'table', got());
      case 'function':
        return lua.lua_isfunction(L, idx) ? null : typeError(path, 'function', got());
      case 'thread':
        return lua.lua_isthread(L, idx) ? null : typeError(path, 'thread', got());
      case 'userdata':
        return lua.lua_isuserdata(L, idx) ? null : typeError(path, 'userdata', got());
      case 'error':
        return lua.lua_isnil(L, idx) ? typeError(path, 'error', got()) : null;
      default:
        // A generic parameter left unbound, or a name no manifest declares.
        return {
          field: path,
          expected: name,
          got: '',
          message: withPath(path, `unresolved type ${name}`),
        };
    }
  }

  private matchesLiteral(idx: number, value: string | number | boolean): boolean {
    const L = this.L;
    if (typeof value === 'string') {
      if (lua.lua_type(L, idx) !== lua.LUA_TSTRING) return false;
      return decodeUtf8Lossy(lua.lua_tostring(L, idx)) === value;
    }
    if (typeof value === 'boolean')
      return lua.lua_isboolean(L, idx) && lua.lua_toboolean(L, idx) === value;
    return lua.lua_type(L, idx) === lua.LUA_TNUMBER && lua.lua_tonumber(L, idx) === value;
  }

  private keyPath(path: string, keyIdx: number): string {
    const L = this.L;
    if (lua.lua_type(L, keyIdx) === lua.LUA_TSTRING) {
      const key = decodeUtf8Lossy(lua.lua_tostring(L, keyIdx));
      return path ? `${path}.${key}` : key;
    }
    if (lua.lua_type(L, keyIdx) === lua.LUA_TNUMBER)
      return `${path}[${String(lua.lua_tonumber(L, keyIdx))}]`;
    return path;
  }

  private checkValidators(
    idx: number,
    validators: ValidatorDesc[],
    path: string,
  ): ValidationError | null {
    const L = this.L;
    for (const v of validators) {
      const arg = v.args[0];
      const type = lua.lua_type(L, idx);
      let failure: string | null = null;
      if (
        (v.name === 'min' || v.name === 'max') &&
        type === lua.LUA_TNUMBER &&
        typeof arg === 'number'
      ) {
        const n = lua.lua_tonumber(L, idx);
        if (v.name === 'min' && n < arg)
          failure = `value ${formatNumber(n)} is less than minimum ${formatNumber(arg)}`;
        if (v.name === 'max' && n > arg)
          failure = `value ${formatNumber(n)} is greater than maximum ${formatNumber(arg)}`;
      } else if ((v.name === 'min_len' || v.name === 'max_len') && typeof arg === 'number') {
        let length: number | null = null;
        if (type === lua.LUA_TSTRING) length = lua.lua_tostring(L, idx).length;
        else if (type === lua.LUA_TTABLE) length = Number(lua.lua_rawlen(L, idx));
        if (length !== null && v.name === 'min_len' && length < arg)
          failure = `length ${length} is less than minimum ${arg}`;
        if (length !== null && v.name === 'max_len' && length > arg)
          failure = `length ${length} is greater than maximum ${arg}`;
      } else if (v.name === 'pattern' && typeof arg === 'string' && type === lua.LUA_TSTRING) {
        const text = decodeUtf8Lossy(lua.lua_tostring(L, idx));
        if (!safeRegExp(arg)?.test(text))
          failure = `value does not match pattern ${JSON.stringify(arg)}`;
      }
      if (failure)
        return {
          field: path,
          expected: '',
          got: '',
          message: withPath(path, failure),
          constraint: v.name,
        };
    }
    return null;
  }
}

function withPath(path: string, message: string): string {
  return path ? `${path}: ${message}` : message;
}

function formatNumber(n: number): string {
  return String(n);
}

function acceptsNil(desc: TypeDesc): boolean {
  return (
    desc.k === 'optional' ||
    (desc.k === 'name' && (desc.name === 'nil' || desc.name === 'any' || desc.name === 'unknown'))
  );
}

const regexCache = new Map<string, RegExp | null>();

/** Go's RE2 patterns are mostly JS patterns; one that JS cannot compile matches nothing. */
function safeRegExp(pattern: string): RegExp | null {
  if (!regexCache.has(pattern)) {
    let compiled: RegExp | null;
    try {
      compiled = new RegExp(pattern, 'u');
    } catch {
      compiled = null;
    }
    if (regexCache.size > 256) regexCache.clear();
    regexCache.set(pattern, compiled);
  }
  return regexCache.get(pattern) ?? null;
}

function decodeUtf8Lossy(bytes: Uint8Array): string {
  return decodeUtf8(bytes);
}
