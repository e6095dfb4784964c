/**
 * What a condition tells about the locals it tests (`en/lua/types.md` "Control Flow
 * Narrowing"): `x`, `x ~= nil`, `x == nil`, `not x`, `type(x) == "number"`, `a and b`,
 * `a or b`, and `T:is(x)`. Each fact is a name and how its type changes when the condition is
 * true (or false). Anything else tells nothing; the checker then keeps the declared type.
 */
import type * as Ast from '../ast.ts';
import { isNil, nonNil, resolve, union, type Type } from '../types/model.ts';

export interface Fact {
  name: string;
  refine(t: Type): Type;
}

/** Facts that hold where `cond` is `truthy`. `typeValue` resolves `T` of `T:is(x)`. */
export function narrowings(
  cond: Ast.Expr,
  truthy: boolean,
  typeValue: (name: string) => Type | undefined,
): Fact[] {
  const go = (e: Ast.Expr, t: boolean) => narrowings(e, t, typeValue);
  switch (cond.kind) {
    case 'Paren':
      return go(cond.expr, truthy);
    case 'Name':
      return truthy ? [{ name: cond.name, refine: nonNil }] : [];
    case 'Unary':
      return cond.op === 'not' ? go(cond.operand, !truthy) : [];
    case 'Binary':
      if (cond.op === 'and') return truthy ? [...go(cond.left, true), ...go(cond.right, true)] : [];
      if (cond.op === 'or')
        return truthy ? [] : [...go(cond.left, false), ...go(cond.right, false)];
      if (cond.op === '==' || cond.op === '~=') {
        return equality(cond.left, cond.right, cond.op === '==' ? truthy : !truthy);
      }
      return [];
    case 'MethodCall':
      if (truthy && cond.method.name === 'is' && cond.object.kind === 'Name') {
        const target = typeValue(cond.object.name);
        const arg = cond.args[0];
        if (target && arg?.kind === 'Name') return [{ name: arg.name, refine: () => target }];
      }
      return [];
    default:
      return [];
  }
}

/** Facts from `left == right` when `equal` is what holds. */
function equality(left: Ast.Expr, right: Ast.Expr, equal: boolean): Fact[] {
  const [subject, other] =
    left.kind === 'Nil' || left.kind === 'String' ? [right, left] : [left, right];
  if (subject.kind === 'Name' && other.kind === 'Nil') {
    return equal ? [] : [{ name: subject.name, refine: nonNil }];
  }
  if (other.kind === 'String' && subject.kind === 'Call' && isTypeCall(subject)) {
    const arg = subject.args[0];
    if (arg.kind !== 'Name') return [];
    const tag = other.value;
    return [{ name: arg.name, refine: (t) => filterByTag(t, tag, equal) }];
  }
  return [];
}

function isTypeCall(call: Ast.CallExpr): boolean {
  return call.callee.kind === 'Name' && call.callee.name === 'type' && call.args.length === 1;
}

/** Lua's `type()` name of a type, or null when the model cannot tell. */
function tagOf(t: Type): string | null {
  const r = resolve(t);
  switch (r.kind) {
    case 'primitive':
      return r.name === 'integer' ? 'number' : r.name;
    case 'literal':
      return typeof r.value === 'string'
        ? 'string'
        : typeof r.value === 'boolean'
          ? 'boolean'
          : 'number';
    case 'record':
    case 'array':
    case 'map':
    case 'table':
      return 'table';
    case 'function':
      return 'function';
    default:
      return null;
  }
}

/** Keep (or, when `keep` is false, drop) the members whose `type()` is `tag`. */
function filterByTag(t: Type, tag: string, keep: boolean): Type {
  const r = resolve(t);
  const members: Type[] =
    r.kind === 'union'
      ? r.members
      : r.kind === 'optional'
        ? [r.inner, { kind: 'primitive', name: 'nil' }]
        : [t];
  if (members.some((m) => tagOf(m) === null && !isNil(m))) return t;
  const kept = members.filter((m) => (isNil(m) ? tag === 'nil' : tagOf(m) === tag) === keep);
  return kept.length === 0 ? t : union(kept);
}
