/**
 * The checker's model of the platform's types (`en/lua/types.md`): primitives, literals, unions,
 * intersections, optional `T?`, arrays `{T}`, maps `{[K]: V}`, records with optional and readonly
 * fields, functions, generics (type parameters, generic aliases), aliases and interfaces.
 *
 * Types are plain immutable data so that the checker, the editor's hover and the tests can share
 * them across a worker boundary. `any` is the gradual type: everything the checker cannot know
 * (an unannotated parameter, a library call) is `any`, which never produces a diagnostic;
 * `unknown` is only what the script declared as such.
 */

export type Primitive = 'nil' | 'boolean' | 'number' | 'integer' | 'string';

export interface RecordField {
  name: string;
  type: Type;
  optional: boolean;
  readonly: boolean;
}

export interface Param {
  name?: string;
  type: Type;
}

export interface TypeParam {
  name: string;
  constraint?: Type;
}

export type Type =
  | { kind: 'any' }
  | { kind: 'unknown' }
  | { kind: 'never' }
  | { kind: 'primitive'; name: Primitive }
  /** A table of unknown shape (`table`, or a table whose shape the checker does not follow). */
  | { kind: 'table' }
  | { kind: 'literal'; value: string | number | boolean }
  | { kind: 'union'; members: Type[] }
  | { kind: 'intersection'; members: Type[] }
  | { kind: 'optional'; inner: Type }
  | { kind: 'array'; elem: Type }
  | { kind: 'map'; key: Type; value: Type }
  /**
   * `open`: the shape of a table literal the script did not annotate; Lua tables take any
   * field, so reading a field it lacks is no error (only declared records are closed).
   */
  | { kind: 'record'; fields: RecordField[]; open?: boolean }
  | {
      kind: 'function';
      params: Param[];
      variadic?: Type;
      /** null: the function declared no return types (its results are `any`). */
      returns: Type[] | null;
      typeParams?: TypeParam[];
      /** A function declared without any annotation: calls to it are not checked (Lua's rules). */
      loose?: boolean;
    }
  | { kind: 'typeParam'; name: string; constraint?: Type }
  /** A named type (`type Point = …`, `interface Shape`): the name is what messages show. */
  | { kind: 'named'; name: string; target: Type };

export const ANY: Type = { kind: 'any' };
export const UNKNOWN: Type = { kind: 'unknown' };
export const NEVER: Type = { kind: 'never' };
export const NIL: Type = { kind: 'primitive', name: 'nil' };
export const BOOLEAN: Type = { kind: 'primitive', name: 'boolean' };
export const NUMBER: Type = { kind: 'primitive', name: 'number' };
export const INTEGER: Type = { kind: 'primitive', name: 'integer' };
export const STRING: Type = { kind: 'primitive', name: 'string' };
export const TABLE: Type = { kind: 'table' };

/** The built-in type names a script can write (`local x: integer`). */
export const BUILTIN_TYPES: Readonly<Record<string, Type>> = {
  any: ANY,
  unknown: UNKNOWN,
  never: NEVER,
  nil: NIL,
  boolean: BOOLEAN,
  number: NUMBER,
  integer: INTEGER,
  string: STRING,
  table: TABLE,
  // The platform's error values are tables or strings; the checker follows neither.
  error: ANY,
  // `function` as a type: any function; calls through it are not checked.
  function: { kind: 'function', params: [], variadic: ANY, returns: null },
  thread: ANY,
  userdata: ANY,
};

export function literal(value: string | number | boolean): Type {
  return { kind: 'literal', value };
}

export function optional(inner: Type): Type {
  if (inner.kind === 'optional' || inner.kind === 'any' || inner.kind === 'unknown') return inner;
  if (isNil(inner)) return inner;
  return { kind: 'optional', inner };
}

/** A union, flattened, without duplicates; `nil` members become an optional. */
export function union(members: readonly Type[]): Type {
  const flat: Type[] = [];
  let hasNil = false;
  const add = (t: Type) => {
    if (t.kind === 'union') t.members.forEach(add);
    else if (t.kind === 'optional') {
      hasNil = true;
      add(t.inner);
    } else if (isNil(t)) hasNil = true;
    else if (t.kind === 'never') return;
    else if (!flat.some((m) => sameType(m, t))) flat.push(t);
  };
  members.forEach(add);
  if (flat.some((t) => t.kind === 'any')) return ANY;
  const core: Type =
    flat.length === 0 ? NEVER : flat.length === 1 ? flat[0] : { kind: 'union', members: flat };
  if (!hasNil) return core;
  return core.kind === 'never' ? NIL : optional(core);
}

export function isNil(t: Type): boolean {
  return t.kind === 'primitive' && t.name === 'nil';
}

/** Follow named types to their structure. */
export function resolve(t: Type): Type {
  let current = t;
  for (let depth = 0; current.kind === 'named' && depth < 50; depth++) current = current.target;
  return current;
}

/** Whether nil is a value of `t` (optional, nil, any, unknown, or a union/named type with one). */
export function acceptsNil(t: Type): boolean {
  const r = resolve(t);
  switch (r.kind) {
    case 'any':
    case 'unknown':
    case 'optional':
      return true;
    case 'primitive':
      return r.name === 'nil';
    case 'union':
      return r.members.some(acceptsNil);
    case 'typeParam':
      return true;
    default:
      return false;
  }
}

/** `t` without nil (what `x!`, `if x then` and `x ~= nil` leave). */
export function nonNil(t: Type): Type {
  if (t.kind === 'optional') return t.inner;
  if (t.kind === 'union') return union(t.members.filter((m) => !isNil(m)));
  return t;
}

/** The type a literal widens to when it flows into an unannotated variable. */
export function widen(t: Type): Type {
  if (t.kind !== 'literal') return t;
  if (typeof t.value === 'string') return STRING;
  if (typeof t.value === 'boolean') return BOOLEAN;
  return Number.isInteger(t.value) ? INTEGER : NUMBER;
}

/** `widen` inside records and arrays too: how a table literal's type reads in a message. */
export function widenDeep(t: Type): Type {
  if (t.kind === 'literal') return widen(t);
  if (t.kind === 'record')
    return { ...t, fields: t.fields.map((f) => ({ ...f, type: widenDeep(f.type) })) };
  if (t.kind === 'array') return { kind: 'array', elem: widenDeep(t.elem) };
  return t;
}

/** Structural identity (names compare by name). */
export function sameType(a: Type, b: Type): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'primitive':
      return a.name === (b as typeof a).name;
    case 'literal':
      return a.value === (b as typeof a).value;
    case 'named':
    case 'typeParam':
      return a.name === (b as typeof a).name;
    case 'optional':
      return sameType(a.inner, (b as typeof a).inner);
    case 'array':
      return sameType(a.elem, (b as typeof a).elem);
    case 'map':
      return sameType(a.key, (b as typeof a).key) && sameType(a.value, (b as typeof a).value);
    case 'union':
    case 'intersection': {
      const bm = (b as typeof a).members;
      return (
        a.members.length === bm.length && a.members.every((m) => bm.some((n) => sameType(m, n)))
      );
    }
    case 'record': {
      const bf = (b as typeof a).fields;
      return (
        a.fields.length === bf.length &&
        a.fields.every((f) => {
          const g = bf.find((x) => x.name === f.name);
          return g !== undefined && g.optional === f.optional && sameType(f.type, g.type);
        })
      );
    }
    case 'function':
      return false;
    default:
      return true;
  }
}

/** The type of field `name` of a record-like type; undefined when it has none. */
export function fieldOf(t: Type, name: string): RecordField | undefined {
  const r = resolve(t);
  if (r.kind === 'record') return r.fields.find((f) => f.name === name);
  if (r.kind === 'intersection') {
    for (const m of r.members) {
      const f = fieldOf(m, name);
      if (f) return f;
    }
  }
  return undefined;
}

/** Replace type parameters by their bindings (generic calls and generic aliases). */
export function substitute(t: Type, bindings: ReadonlyMap<string, Type>): Type {
  if (bindings.size === 0) return t;
  const go = (x: Type): Type => substitute(x, bindings);
  switch (t.kind) {
    case 'typeParam':
      return bindings.get(t.name) ?? t;
    case 'union':
      return union(t.members.map(go));
    case 'intersection':
      return { kind: 'intersection', members: t.members.map(go) };
    case 'optional':
      return optional(go(t.inner));
    case 'array':
      return { kind: 'array', elem: go(t.elem) };
    case 'map':
      return { kind: 'map', key: go(t.key), value: go(t.value) };
    case 'record':
      return { kind: 'record', fields: t.fields.map((f) => ({ ...f, type: go(f.type) })) };
    case 'function':
      return {
        ...t,
        params: t.params.map((p) => ({ ...p, type: go(p.type) })),
        variadic: t.variadic && go(t.variadic),
        returns: t.returns && t.returns.map(go),
      };
    default:
      return t;
  }
}
