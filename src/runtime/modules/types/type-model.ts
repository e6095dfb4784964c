/**
 * Type values as the runtime holds them (go-lua `value_type.go` `LType`): a description from the
 * chunk's manifest, the scope its names resolve in (the declaring chunk's types, then the
 * built-in names), and an optional name. Pure: resolution, kinds, printing, subtyping.
 */
import type { DeclaredType, TypeDesc, ValidatorDesc } from '../../../dialect/manifest.ts';

/** The declared types of one chunk, by name. */
export interface TypeScope {
  types: Map<string, DeclaredType>;
  /** Types reachable as `module.Name` (resolved at run time by the binder), by "module.Name". */
  external?: (module: string, name: string) => RuntimeType | null;
}

export interface RuntimeType {
  desc: TypeDesc;
  scope: TypeScope;
  name?: string;
}

export const EMPTY_SCOPE: TypeScope = { types: new Map() };

/** go-lua's built-in runtime names (`builtinRuntimeTypes`), plus the names the docs use. */
const BUILTIN_NAMES = new Set([
  'nil', 'boolean', 'number', 'integer', 'string', 'any', 'unknown', 'never', 'table',
  'function', 'thread', 'userdata', 'error', 'self',
]); // prettier-ignore

export function isBuiltinName(name: string): boolean {
  return BUILTIN_NAMES.has(name);
}

const MAX_DEPTH = 64;

/**
 * Follows names to what they mean: a declared type (with generic arguments substituted), or a
 * built-in name (left as `name`). Unresolvable names stay `name` with `unresolved` set.
 */
export function resolve(t: RuntimeType, depth = 0): RuntimeType {
  let current = t;
  for (let i = 0; i < MAX_DEPTH && current.desc.k === 'name'; i++) {
    const desc = current.desc;
    if (desc.module) {
      const external = current.scope.external?.(desc.module, desc.name);
      if (!external) return current;
      current = withValidators(external, desc.validators);
      continue;
    }
    const declared = current.scope.types.get(desc.name);
    if (!declared) return current;
    let body = declared.type;
    if (declared.params.length > 0 && desc.args) {
      const bindings = new Map(declared.params.map((p, j) => [p, desc.args![j] ?? ANY]));
      body = substitute(body, bindings);
    }
    const next: RuntimeType = { desc: body, scope: current.scope, name: current.name ?? desc.name };
    current = withValidators(next, desc.validators);
    if (depth > MAX_DEPTH) break;
  }
  return current;
}

const ANY: TypeDesc = { k: 'name', name: 'any' };

/** Validators written on a reference (`type Port = number @min(1)` used as `Port @max(9)`). */
function withValidators(t: RuntimeType, validators: ValidatorDesc[] | undefined): RuntimeType {
  if (!validators || validators.length === 0) return t;
  if (t.desc.k === 'name' || t.desc.k === 'array') {
    return { ...t, desc: { ...t.desc, validators: [...(t.desc.validators ?? []), ...validators] } };
  }
  return t;
}

export function substitute(desc: TypeDesc, bindings: Map<string, TypeDesc>): TypeDesc {
  const s = (d: TypeDesc) => substitute(d, bindings);
  switch (desc.k) {
    case 'name':
      if (!desc.module && !desc.args && bindings.has(desc.name)) return bindings.get(desc.name)!;
      return desc.args ? { ...desc, args: desc.args.map(s) } : desc;
    case 'literal':
      return desc;
    case 'array':
      return { ...desc, elem: s(desc.elem) };
    case 'map':
      return { ...desc, key: s(desc.key), val: s(desc.val) };
    case 'record':
      return { ...desc, fields: desc.fields.map((f) => ({ ...f, type: s(f.type) })) };
    case 'function':
      return {
        ...desc,
        params: desc.params.map((p) => ({ ...p, type: s(p.type) })),
        returns: desc.returns?.map(s),
      };
    case 'union':
    case 'intersection':
      return { ...desc, types: desc.types.map(s) };
    case 'optional':
      return { ...desc, inner: s(desc.inner) };
    case 'index':
      return { ...desc, object: s(desc.object), index: s(desc.index) };
    case 'keyof':
      return { ...desc, type: s(desc.type) };
    case 'conditional':
      return {
        k: 'conditional',
        check: s(desc.check),
        extends: s(desc.extends),
        then: s(desc.then),
        else: s(desc.else),
      };
  }
}

/** `:kind()` (go-lua `KindString`). */
export function kindOf(t: RuntimeType): string {
  const r = resolve(t);
  const d = r.desc;
  switch (d.k) {
    case 'name':
      if (r.scope.types.has(d.name) && !isBuiltinName(d.name)) return 'unknown';
      if (
        ['nil', 'boolean', 'number', 'integer', 'string', 'any', 'unknown', 'never'].includes(
          d.name,
        )
      ) {
        return d.name;
      }
      if (d.name === 'function') return 'function';
      return 'unknown';
    case 'literal':
      return 'literal';
    case 'array':
      return 'array';
    case 'map':
      return 'map';
    case 'record':
      return 'record';
    case 'function':
      return 'function';
    case 'union':
      return 'union';
    case 'intersection':
      return 'intersection';
    case 'optional':
      return 'optional';
    default:
      return 'unknown';
  }
}

/** How a type prints (`tostring(T)`, messages' "expected …"). */
export function typeToString(desc: TypeDesc): string {
  switch (desc.k) {
    case 'name': {
      const base = desc.module ? `${desc.module}.${desc.name}` : desc.name;
      return desc.args ? `${base}<${desc.args.map(typeToString).join(', ')}>` : base;
    }
    case 'literal':
      return typeof desc.value === 'string' ? JSON.stringify(desc.value) : String(desc.value);
    case 'array':
      return `{${typeToString(desc.elem)}}`;
    case 'map':
      return `{[${typeToString(desc.key)}]: ${typeToString(desc.val)}}`;
    case 'record':
      return `{${desc.fields.map((f) => `${f.name}${f.optional ? '?' : ''}: ${typeToString(f.type)}`).join(', ')}}`;
    case 'function': {
      const params = desc.params.map((p) =>
        p.name ? `${p.name}: ${typeToString(p.type)}` : typeToString(p.type),
      );
      const returns = desc.returns ?? [];
      const ret =
        returns.length === 1
          ? typeToString(returns[0])
          : `(${returns.map(typeToString).join(', ')})`;
      return `(${params.join(', ')}) -> ${ret}`;
    }
    case 'union':
      return desc.types.map(typeToString).join(' | ');
    case 'intersection':
      return desc.types.map(typeToString).join(' & ');
    case 'optional':
      return `${typeToString(desc.inner)}?`;
    case 'index':
      return `${typeToString(desc.object)}[${typeToString(desc.index)}]`;
    case 'keyof':
      return `keyof(${typeToString(desc.type)})`;
    case 'conditional':
      return `${typeToString(desc.check)} extends ${typeToString(desc.extends)} ? ${typeToString(desc.then)} : ${typeToString(desc.else)}`;
  }
}

/** The name a type value shows: its own name, else its description. */
export function displayName(t: RuntimeType): string {
  return t.name ?? typeToString(t.desc);
}

/** Structural equality after resolution (go-lua `TypeEquals`). */
export function typeEquals(a: RuntimeType, b: RuntimeType): boolean {
  return (
    JSON.stringify(stripValidators(resolveDeep(a, 0))) ===
    JSON.stringify(stripValidators(resolveDeep(b, 0)))
  );
}

/** A description with every name resolved (to a bounded depth, for recursive types). */
export function resolveDeep(t: RuntimeType, depth: number): TypeDesc {
  const r = resolve(t);
  if (depth > 8) return r.desc;
  const deep = (d: TypeDesc) => resolveDeep({ desc: d, scope: r.scope }, depth + 1);
  const d = r.desc;
  switch (d.k) {
    case 'array':
      return { ...d, elem: deep(d.elem) };
    case 'map':
      return { ...d, key: deep(d.key), val: deep(d.val) };
    case 'record':
      return { ...d, fields: d.fields.map((f) => ({ ...f, type: deep(f.type) })) };
    case 'union':
    case 'intersection':
      return { ...d, types: d.types.map(deep) };
    case 'optional':
      return { ...d, inner: deep(d.inner) };
    case 'function':
      return {
        ...d,
        params: d.params.map((p) => ({ type: deep(p.type) })),
        returns: d.returns?.map(deep),
      };
    default:
      return d;
  }
}

function stripValidators(d: TypeDesc): unknown {
  return JSON.parse(JSON.stringify(d, (key, value) => (key === 'validators' ? undefined : value)));
}

/** `a <= b`: a is a subtype of b (go-lua `subtype.IsSubtype`, the common cases). */
export function isSubtype(a: RuntimeType, b: RuntimeType): boolean {
  return subtypeDesc(resolveDeep(a, 0), resolveDeep(b, 0), 0);
}

function subtypeDesc(a: TypeDesc, b: TypeDesc, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const sub = (x: TypeDesc, y: TypeDesc) => subtypeDesc(x, y, depth + 1);
  if (b.k === 'name' && (b.name === 'any' || b.name === 'unknown')) return true;
  if (a.k === 'name' && a.name === 'never') return true;
  if (a.k === 'name' && a.name === 'any') return b.k === 'name' && b.name === 'any';
  if (a.k === 'union') return a.types.every((m) => sub(m, b));
  if (a.k === 'optional') return sub({ k: 'name', name: 'nil' }, b) && sub(a.inner, b);
  if (b.k === 'optional') return sub(a, { k: 'name', name: 'nil' }) || sub(a, b.inner);
  if (b.k === 'union') return b.types.some((m) => sub(a, m));
  if (b.k === 'intersection') return b.types.every((m) => sub(a, m));
  if (a.k === 'intersection') return a.types.some((m) => sub(m, b));
  if (a.k === 'name' && b.k === 'name') {
    return a.name === b.name || (a.name === 'integer' && b.name === 'number');
  }
  if (a.k === 'literal') {
    if (b.k === 'literal') return a.value === b.value;
    if (b.k !== 'name') return false;
    if (typeof a.value === 'string') return b.name === 'string';
    if (typeof a.value === 'boolean') return b.name === 'boolean';
    return b.name === 'number' || (b.name === 'integer' && Number.isInteger(a.value));
  }
  if (a.k === 'array' && b.k === 'array') return sub(a.elem, b.elem);
  if (a.k === 'map' && b.k === 'map') return sub(b.key, a.key) && sub(a.val, b.val);
  if (a.k === 'record' && b.k === 'record') {
    return b.fields.every((fb) => {
      const fa = a.fields.find((f) => f.name === fb.name);
      if (!fa) return fb.optional;
      return sub(fa.type, fb.type) && (fb.optional || !fa.optional);
    });
  }
  if (a.k === 'function' && b.k === 'function') {
    if (a.params.length > b.params.length) return false;
    const paramsOk = a.params.every((p, i) => sub(b.params[i].type, p.type));
    const ra = a.returns ?? [];
    const rb = b.returns ?? [];
    return paramsOk && rb.every((r, i) => ra[i] !== undefined && sub(ra[i], r));
  }
  if (b.k === 'name' && b.name === 'table')
    return a.k === 'array' || a.k === 'map' || a.k === 'record';
  return false;
}
