/**
 * A function's signature as a type, and the check of its body against it: parameters are
 * locals of their annotated types (`any` when not annotated), `return` is checked in
 * statements.ts, and a function whose declared results cannot be nil but that has no
 * `return` at all is missing its return (go-lua `ErrMissingReturn`). Paths that fall off the
 * end of an `if` are not followed (the platform knows exhaustive tagged unions; the model
 * does not), so only the certain case is reported.
 */
import type * as Ast from '../ast.ts';
import { ANY, acceptsNil, type Param, type Type, type TypeParam } from '../types/model.ts';
import { TYPE_CODES } from './diagnostic.ts';
import type { CheckContext } from './context.ts';
import { Scope } from './scope.ts';
import { checkBlock } from './statements.ts';

/** The type a function expression has before its body is checked (for recursion). */
export function signature(ctx: CheckContext, fn: Ast.FunctionExpr): Type {
  const typeParams = typeParamScope(ctx, fn);
  const resolve = (t: Ast.Type) => ctx.env.resolve(t, typeParams.scope);
  const annotated =
    fn.params.some((p) => p.annotation) ||
    fn.returns !== undefined ||
    fn.vararg?.annotation !== undefined;
  const params: Param[] = fn.params.map((p) => ({
    name: p.name,
    type: p.annotation ? resolve(p.annotation.type) : ANY,
  }));
  if (fn.isMethod) params.unshift({ name: 'self', type: ANY });
  return {
    kind: 'function',
    params,
    variadic: fn.vararg
      ? fn.vararg.annotation
        ? resolve(fn.vararg.annotation.type)
        : ANY
      : undefined,
    returns: fn.returns ? fn.returns.types.map(resolve) : null,
    typeParams: typeParams.list.length ? typeParams.list : undefined,
    loose: !annotated,
  };
}

function typeParamScope(
  ctx: CheckContext,
  fn: Ast.FunctionExpr,
): { scope: Map<string, Type>; list: TypeParam[] } {
  const scope = new Map(ctx.typeParams);
  const list: TypeParam[] = [];
  for (const p of fn.typeParams?.params ?? []) {
    const param: TypeParam = { name: p.name };
    const type: Type = { kind: 'typeParam', name: p.name };
    scope.set(p.name, type);
    list.push(param);
    if (p.constraint) {
      param.constraint = ctx.env.resolve(p.constraint, scope);
      (type as { constraint?: Type }).constraint = param.constraint;
    }
  }
  return { scope, list };
}

/**
 * Check the body of `fn` and return its type. `nameNode` is where a missing return is
 * reported (the function's name when it has one).
 */
export function checkFunction(
  ctx: CheckContext,
  outer: Scope,
  fn: Ast.FunctionExpr,
  nameNode?: Ast.NodeBase,
): Type {
  const type = signature(ctx, fn);
  if (type.kind !== 'function') return type;
  const scope = new Scope(outer);
  if (fn.isMethod) scope.declare('self', { current: ANY });
  fn.params.forEach((p, i) => {
    const param = type.params[fn.isMethod ? i + 1 : i].type;
    scope.declare(p.name, { declared: p.annotation ? param : undefined, current: param });
    ctx.record(p, p.name, param);
  });
  ctx.functions.push({
    returns: type.returns,
    vararg: type.variadic ?? ANY,
    sawReturn: false,
    typeParams: typeParamScope(ctx, fn).scope,
  });
  checkBlock(ctx, scope, fn.body);
  const context = ctx.functions.pop()!;
  if (type.returns && !context.sawReturn && !endsInError(fn.body)) {
    const required = type.returns.some((r) => !acceptsNil(r) && r.kind !== 'never');
    if (required) ctx.report(TYPE_CODES.missingReturn, 'missing return', nameNode ?? fn);
  }
  return type;
}

/** A body whose last statement is `error(…)` never falls off its end. */
function endsInError(body: Ast.Block): boolean {
  const last = body.body[body.body.length - 1];
  return (
    last?.kind === 'CallStat' &&
    last.call.kind === 'Call' &&
    last.call.callee.kind === 'Name' &&
    last.call.callee.name === 'error'
  );
}
