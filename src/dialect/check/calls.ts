/**
 * Calls (go-lua `hooks/call_check.go`, `synth/ops/call.go`): calling what is not a function,
 * too few or too many arguments, an argument of the wrong type, generic functions (type
 * arguments inferred from the arguments, constraints checked), and calls of type values
 * (`Point(data)`, `integer(x)`), which validate and return that type.
 */
import type * as Ast from '../ast.ts';
import {
  ANY,
  BUILTIN_TYPES,
  NEVER,
  STRING,
  acceptsNil,
  fieldOf,
  nonNil,
  resolve,
  substitute,
  widen,
  widenDeep,
  type Type,
} from '../types/model.ts';
import { assignable } from '../types/assign.ts';
import { formatType } from '../types/format.ts';
import { TYPE_CODES } from './diagnostic.ts';
import type { CheckContext } from './context.ts';
import type { Scope } from './scope.ts';
import { synth, synthMany } from './expressions.ts';

/** Built-in type names a call turns into a type value (`integer(x)`), as go-lua compiles them. */
const TYPE_VALUE_NAMES = new Set([
  'nil',
  'boolean',
  'number',
  'integer',
  'string',
  'any',
  'unknown',
  'never',
]);

type FunctionType = Extract<Type, { kind: 'function' }>;

export function checkCall(ctx: CheckContext, scope: Scope, call: Ast.CallExpr): Type[] | null {
  const callee = call.callee;
  if (callee.kind === 'Name' && !scope.lookup(callee.name)) {
    const special = builtinCall(ctx, scope, callee.name, call);
    if (special !== undefined) return special;
  }
  const calleeType = synth(ctx, scope, callee);
  return applyCall(ctx, scope, calleeType, call.args, callee);
}

export function checkMethodCall(
  ctx: CheckContext,
  scope: Scope,
  call: Ast.MethodCallExpr,
): Type[] | null {
  const object = synth(ctx, scope, call.object);
  for (const arg of call.args) synth(ctx, scope, arg);
  // `T:is(v)` and the other reflection methods of a type value.
  if (
    call.object.kind === 'Name' &&
    ctx.env.lookup(call.object.name) &&
    !scope.lookup(call.object.name)
  ) {
    return null;
  }
  // Methods often come from a metatable (`__index`), which the model does not follow: a
  // method the record does not list is no error.
  const field = fieldOf(object, call.method.name);
  if (!field) return null;
  const fn = resolve(field.type);
  return fn.kind === 'function' && fn.returns ? fn.returns : null;
}

/** Calls the checker knows by name: type values, `type`, `tostring`, `error`, `assert`. */
function builtinCall(
  ctx: CheckContext,
  scope: Scope,
  name: string,
  call: Ast.CallExpr,
): Type[] | null | undefined {
  const declared = ctx.env.lookup(name);
  if (declared || TYPE_VALUE_NAMES.has(name)) {
    for (const arg of call.args) synth(ctx, scope, arg);
    return [declared ?? BUILTIN_TYPES[name]];
  }
  if (ctx.globals.has(name)) return undefined;
  switch (name) {
    case 'type':
    case 'tostring':
      for (const arg of call.args) synth(ctx, scope, arg);
      return [STRING];
    case 'error':
      for (const arg of call.args) synth(ctx, scope, arg);
      return [NEVER];
    case 'assert': {
      const types = call.args.map((arg) => synth(ctx, scope, arg));
      const first = call.args[0];
      if (first?.kind === 'Name') {
        const v = scope.lookup(first.name);
        if (v) scope.narrow(first.name, nonNil(v.current));
      }
      return types.length ? [nonNil(types[0]), ...types.slice(1)] : null;
    }
    default:
      return undefined;
  }
}

function applyCall(
  ctx: CheckContext,
  scope: Scope,
  calleeType: Type,
  args: Ast.Expr[],
  calleeNode: Ast.Expr,
): Type[] | null {
  const fn = resolve(calleeType);
  if (fn.kind !== 'function') {
    for (const arg of args) synth(ctx, scope, arg);
    if (isCertainlyNotCallable(fn)) {
      ctx.report(
        TYPE_CODES.notCallable,
        `expected function, got ${formatType(widen(calleeType))}`,
        calleeNode,
      );
    }
    return null;
  }
  if (fn.loose) {
    for (const arg of args) synth(ctx, scope, arg);
    return fn.returns;
  }
  const argTypes: Type[] = [];
  for (const [i, arg] of args.entries()) {
    const last = i === args.length - 1;
    const many = last ? synthMany(ctx, scope, arg) : [synth(ctx, scope, arg)];
    if (many === null) {
      argTypes.push(ANY);
      break;
    }
    argTypes.push(...(last ? many : many.slice(0, 1)));
  }
  const openEnded = args.length > 0 && isMultiValue(args[args.length - 1]);
  checkArity(ctx, fn, argTypes.length, args.length, openEnded, calleeNode);
  const bindings = inferTypeArgs(fn, argTypes);
  for (const [i, arg] of args.entries()) {
    const param = fn.params[i]?.type ?? fn.variadic;
    if (!param || i >= argTypes.length) continue;
    const expected =
      param.kind === 'typeParam' && param.constraint
        ? substitute(param.constraint, bindings)
        : substitute(param, bindings);
    const verdict = assignable(argTypes[i], expected);
    if (verdict.ok) continue;
    const reason = verdict.reason ? `: ${verdict.reason}` : '';
    ctx.report(
      TYPE_CODES.typeMismatch,
      `argument ${i + 1}: expected ${formatType(expected)}, got ${formatType(widenDeep(argTypes[i]))}${reason}`,
      arg,
    );
  }
  return fn.returns ? fn.returns.map((r) => substitute(r, bindings)) : null;
}

function isMultiValue(e: Ast.Expr): boolean {
  return e.kind === 'Call' || e.kind === 'MethodCall' || e.kind === 'Vararg';
}

function isCertainlyNotCallable(t: Type): boolean {
  return t.kind === 'primitive' || t.kind === 'literal';
}

function checkArity(
  ctx: CheckContext,
  fn: FunctionType,
  count: number,
  written: number,
  openEnded: boolean,
  at: Ast.Expr,
): void {
  let required = 0;
  fn.params.forEach((p, i) => {
    if (!acceptsNil(p.type)) required = i + 1;
  });
  if (!openEnded && written < required) {
    ctx.report(TYPE_CODES.wrongArity, 'not enough arguments', at);
  } else if (!fn.variadic && written > fn.params.length && count > fn.params.length) {
    ctx.report(TYPE_CODES.wrongArity, 'too many arguments', at);
  }
}

/** Bind each type parameter to the first argument that shows it (`T`, `{T}`, `T?`). */
function inferTypeArgs(fn: FunctionType, args: Type[]): Map<string, Type> {
  const bindings = new Map<string, Type>();
  if (!fn.typeParams?.length) return bindings;
  const bind = (param: Type, arg: Type) => {
    const a = resolve(arg);
    if (param.kind === 'typeParam') {
      if (!bindings.has(param.name) && a.kind !== 'any') bindings.set(param.name, widen(arg));
    } else if (param.kind === 'optional') bind(param.inner, nonNil(arg));
    else if (param.kind === 'array' && a.kind === 'array') bind(param.elem, a.elem);
    else if (param.kind === 'map' && a.kind === 'map') {
      bind(param.key, a.key);
      bind(param.value, a.value);
    }
  };
  fn.params.forEach((p, i) => {
    if (i < args.length) bind(p.type, args[i]);
  });
  // A parameter no argument showed is `any` in the results: never a false error.
  for (const tp of fn.typeParams) if (!bindings.has(tp.name)) bindings.set(tp.name, ANY);
  return bindings;
}
