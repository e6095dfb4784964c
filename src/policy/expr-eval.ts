/**
 * Runs a parsed expression (`expr.ts`) the way expr-lang's VM does for the environment
 * `service/security/policy/expr_policy.go` builds: `{actor, action, resource, meta}`.
 *
 * - `actor` is a Go struct (`security.Actor`): its fields are `id`/`ID` and `meta`/`Meta`
 *   (`Fetch` accepts the `expr` tag or the field name); another name is an error, and
 *   `"ID" in actor` tests Go field names.
 * - `meta` is the check's metadata, a nil map for websocket checks: every key reads nil and
 *   `meta == nil` is true.
 * - Reading a key of a map that lacks it gives nil; reading from nil is an error unless `?.`.
 * - `==` compares numbers as numbers, lists and maps deeply, different types as unequal;
 *   `< > <= >=` need two numbers or two strings; `&&` `||` `!` need booleans;
 *   `matches` `contains` `startsWith` `endsWith` need strings; `in` takes a list, a map (keys)
 *   or nil (false). Anything else is an evaluation error, which makes the entry undefined.
 */
import type { ExprNode } from './expr.ts';
import { compileGoRegexp } from './re2.ts';
import type { Actor } from './types.ts';

export class ExprEvalError extends Error {}

/** The Go struct `security.Actor`, told apart from a map. */
class ActorStruct {
  constructor(readonly actor: Actor) {}
}

/** A nil `attrs.Bag`: reads as an empty map, equals nil. */
const NIL_MAP: Readonly<Record<string, unknown>> = Object.freeze({});

export interface ExprEnv {
  actor: Actor;
  action: string;
  resource: string;
  meta: Record<string, unknown> | null;
}

/** The expression's value for this request; throws ExprEvalError as the VM would fail. */
export function evaluateExpr(node: ExprNode, env: ExprEnv): unknown {
  const vars: Record<string, unknown> = {
    actor: new ActorStruct(env.actor),
    action: env.action,
    resource: env.resource,
    meta: env.meta ?? NIL_MAP,
  };
  return run(node, vars);
}

/** Set while an optional chain met nil: the rest of the chain reads nil. */
const SHORT = Symbol('short-circuit');

function run(node: ExprNode, vars: Record<string, unknown>): unknown {
  const value = chain(node, vars);
  return value === SHORT ? null : value;
}

function chain(node: ExprNode, vars: Record<string, unknown>): unknown {
  switch (node.type) {
    case 'literal':
      return node.value;
    case 'array':
      return node.items.map((item) => run(item, vars));
    case 'ident':
      return Object.prototype.hasOwnProperty.call(vars, node.name) ? vars[node.name] : null;
    case 'member': {
      const object = chain(node.object, vars);
      if (object === SHORT) return SHORT;
      if (isNil(object) && node.optional) return SHORT;
      return fetch(object, run(node.property, vars));
    }
    case 'unary': {
      const v = run(node.operand, vars);
      if (node.op === '!') return !asBool(v, '!');
      if (typeof v !== 'number')
        throw new ExprEvalError(`invalid operation: ${node.op} ${goType(v)}`);
      return node.op === '-' ? -v : v;
    }
    case 'binary': {
      if (node.op === '&&')
        return asBool(run(node.left, vars), '&&') ? run(node.right, vars) : false;
      if (node.op === '||')
        return asBool(run(node.left, vars), '||') ? true : run(node.right, vars);
      const result = binary(node.op, run(node.left, vars), run(node.right, vars));
      return node.negate ? !result : result;
    }
  }
}

function binary(op: string, a: unknown, b: unknown): boolean {
  switch (op) {
    case '==':
      return equal(a, b);
    case '!=':
      return !equal(a, b);
    case '<':
    case '>':
    case '<=':
    case '>=':
      return less(op, a, b);
    case 'in':
      return inOp(a, b);
    default: {
      if (typeof a !== 'string' || typeof b !== 'string') {
        throw new ExprEvalError(`invalid operation: ${goType(a)} ${op} ${goType(b)}`);
      }
      if (op === 'contains') return a.includes(b);
      if (op === 'startsWith') return a.startsWith(b);
      if (op === 'endsWith') return a.endsWith(b);
      const re = compileGoRegexp(b);
      if (!re.ok) throw new ExprEvalError(re.error);
      return re.regex.test(a);
    }
  }
}

function fetch(from: unknown, key: unknown): unknown {
  if (from instanceof ActorStruct) {
    if (key === 'id' || key === 'ID') return from.actor.id;
    if (key === 'meta' || key === 'Meta') return from.actor.meta;
    throw new ExprEvalError(`cannot fetch ${String(key)} from security.Actor`);
  }
  if (Array.isArray(from)) {
    if (typeof key !== 'number') throw new ExprEvalError(`invalid operation: int(${goType(key)})`);
    const index = Math.trunc(key) < 0 ? from.length + Math.trunc(key) : Math.trunc(key);
    if (index < 0 || index >= from.length) {
      throw new ExprEvalError(`index out of range: ${index} (array length is ${from.length})`);
    }
    return from[index];
  }
  if (isMap(from)) {
    if (typeof key !== 'string') throw new ExprEvalError(`cannot use ${goType(key)} as a map key`);
    return Object.prototype.hasOwnProperty.call(from, key) ? from[key] : null;
  }
  if (typeof from === 'string') {
    throw new ExprEvalError(
      'indexing a string (a byte on the platform) is not in the playground subset',
    );
  }
  throw new ExprEvalError(`cannot fetch ${String(key)} from ${goType(from)}`);
}

function equal(a: unknown, b: unknown): boolean {
  if (isNil(a) || isNil(b)) return isNil(a) && isNil(b);
  if (a instanceof ActorStruct || b instanceof ActorStruct) return a === b;
  if (typeof a !== typeof b) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((x, i) => deepEqual(x, b[i]))
    );
  }
  if (isMap(a) && isMap(b)) return deepEqual(a, b);
  return a === b;
}

/** `reflect.DeepEqual`, where 1 (int) and 1.0 (float) would differ; JSON numbers do not. */
function deepEqual(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return equal(a, b);
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return (a ?? null) === (b ?? null);
}

function less(op: string, a: unknown, b: unknown): boolean {
  const bothNumbers = typeof a === 'number' && typeof b === 'number';
  const bothStrings = typeof a === 'string' && typeof b === 'string';
  if (!bothNumbers && !bothStrings) {
    throw new ExprEvalError(`invalid operation: ${goType(a)} ${op} ${goType(b)}`);
  }
  const x = a as number | string;
  const y = b as number | string;
  if (op === '<') return x < y;
  if (op === '>') return x > y;
  if (op === '<=') return x <= y;
  return x >= y;
}

function inOp(needle: unknown, haystack: unknown): boolean {
  if (haystack === null || haystack === undefined) return false;
  if (Array.isArray(haystack)) return haystack.some((item) => equal(item, needle));
  if (haystack instanceof ActorStruct) {
    if (typeof needle !== 'string')
      throw new ExprEvalError(`cannot use ${goType(needle)} as field name of security.Actor`);
    return needle === 'ID' || needle === 'Meta';
  }
  if (isMap(haystack)) {
    if (typeof needle !== 'string')
      throw new ExprEvalError(`cannot use ${goType(needle)} as a map key`);
    return Object.prototype.hasOwnProperty.call(haystack, needle);
  }
  throw new ExprEvalError(`operator "in" not defined on ${goType(haystack)}`);
}

function asBool(value: unknown, op: string): boolean {
  if (typeof value !== 'boolean')
    throw new ExprEvalError(`${op} needs a boolean, got ${goType(value)}`);
  return value;
}

function isNil(value: unknown): boolean {
  return value === null || value === undefined || value === NIL_MAP;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof ActorStruct)
  );
}

/** The Go type a value would have, for error messages. */
export function goType(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  if (value instanceof ActorStruct) return 'security.Actor';
  if (Array.isArray(value)) return '[]interface {}';
  if (typeof value === 'object') return 'map[string]interface {}';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float64';
  return typeof value === 'boolean' ? 'bool' : 'string';
}
