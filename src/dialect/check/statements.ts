/**
 * Statements: annotated locals and assignments (go-lua `hooks/assign_check.go`: `cannot
 * assign string to number`), returns against the declared results (`return_check.go`:
 * `cannot return string, expected number`), and the flow facts of `if` (a branch sees the
 * narrowed types; after `if not x then return end` the rest of the block does too).
 */
import type * as Ast from '../ast.ts';
import {
  ANY,
  INTEGER,
  acceptsNil,
  nonNil,
  resolve,
  union,
  widen,
  widenDeep,
  type Type,
} from '../types/model.ts';
import { assignable } from '../types/assign.ts';
import { formatType } from '../types/format.ts';
import { TYPE_CODES } from './diagnostic.ts';
import type { CheckContext } from './context.ts';
import { Scope } from './scope.ts';
import { narrowings } from './narrow.ts';
import { condition, synth, synthMany } from './expressions.ts';
import { checkFunction, signature } from './functions.ts';

export function checkBlock(ctx: CheckContext, scope: Scope, block: Ast.Block): void {
  for (const stat of block.body) checkStat(ctx, scope, stat);
}

function checkStat(ctx: CheckContext, scope: Scope, stat: Ast.Stat): void {
  switch (stat.kind) {
    case 'Local':
      return local(ctx, scope, stat);
    case 'LocalFunction': {
      const type = signature(ctx, stat.func);
      scope.declare(stat.name.name, { current: type });
      ctx.record(stat.name, stat.name.name, type);
      checkFunction(ctx, scope, stat.func, stat.name);
      return;
    }
    case 'Function': {
      const type = checkFunction(
        ctx,
        scope,
        stat.func,
        stat.method ?? stat.path[stat.path.length - 1] ?? stat.base,
      );
      if (stat.path.length === 0 && !stat.method) {
        if (scope.lookup(stat.base.name)) scope.narrow(stat.base.name, type);
        else if (type.kind === 'function' && !type.loose) ctx.globals.set(stat.base.name, type);
        ctx.record(stat.base, stat.base.name, type);
      }
      return;
    }
    case 'Assign':
      return assign(ctx, scope, stat);
    case 'CallStat':
      synthMany(ctx, scope, stat.call);
      return;
    case 'Do':
      return checkBlock(ctx, new Scope(scope), stat.body);
    case 'While':
      condition(ctx, scope, stat.condition);
      return checkBlock(ctx, narrowed(ctx, scope, stat.condition, true), stat.body);
    case 'Repeat': {
      const inner = new Scope(scope);
      checkBlock(ctx, inner, stat.body);
      condition(ctx, inner, stat.condition);
      return;
    }
    case 'If':
      return ifStat(ctx, scope, stat);
    case 'NumericFor': {
      for (const e of [stat.from, stat.to, ...(stat.step ? [stat.step] : [])]) synth(ctx, scope, e);
      // go-lua types the control variable integer whatever the bounds (recordNumericLoopVar).
      const inner = new Scope(scope);
      inner.declare(stat.variable.name, { current: INTEGER });
      ctx.record(stat.variable, stat.variable.name, INTEGER);
      return checkBlock(ctx, inner, stat.body);
    }
    case 'GenericFor':
      return genericFor(ctx, scope, stat);
    case 'Return':
      return returnStat(ctx, scope, stat);
    default:
      // Break, Goto, Label, TypeAlias, Interface (collected by TypeEnv), ErrorStat.
      return;
  }
}

/** The values of an expression list, Lua-adjusted: the last expression gives all it has. */
function values(
  ctx: CheckContext,
  scope: Scope,
  exprs: Ast.Expr[],
): { types: Type[]; open: boolean } {
  const types: Type[] = [];
  let open = false;
  exprs.forEach((e, i) => {
    if (i < exprs.length - 1) {
      types.push(synth(ctx, scope, e));
      return;
    }
    const many = synthMany(ctx, scope, e);
    if (many === null) open = true;
    else types.push(...many);
  });
  return { types, open };
}

/** Report `value` (of type `source`) not fitting `target`, in go-lua's words. */
function checkAssignment(ctx: CheckContext, source: Type, target: Type, at: Ast.NodeBase): void {
  const verdict = assignable(source, target);
  if (verdict.ok) return;
  const shown = formatType(mentionsLiterals(target) ? source : widenDeep(source));
  const reason = verdict.reason ? `: ${verdict.reason}` : '';
  ctx.report(
    TYPE_CODES.typeMismatch,
    `cannot assign ${shown} to ${formatType(target)}${reason}`,
    at,
  );
}

function mentionsLiterals(t: Type): boolean {
  const r = resolve(t);
  if (r.kind === 'literal') return true;
  if (r.kind === 'union') return r.members.some(mentionsLiterals);
  if (r.kind === 'optional') return mentionsLiterals(r.inner);
  return false;
}

function local(ctx: CheckContext, scope: Scope, stat: Ast.LocalStat): void {
  const { types, open } = values(ctx, scope, stat.values);
  stat.names.forEach((n, i) => {
    const value = i < types.length ? types[i] : open ? ANY : undefined;
    const declared = n.annotation ? ctx.resolve(n.annotation.type) : undefined;
    if (declared && value !== undefined) {
      checkAssignment(ctx, value, declared, stat.values[Math.min(i, stat.values.length - 1)]);
    }
    // An unannotated local that is assigned again later may hold anything: the model does
    // not follow assignments through loops and branches.
    const inferred = value === undefined || ctx.reassigned.has(n.name) ? ANY : widen(value);
    const current = declared
      ? ctx.reassigned.has(n.name)
        ? nonNil(declared)
        : declared
      : inferred;
    scope.declare(n.name, { declared, current });
    ctx.record(n, n.name, declared ?? inferred);
  });
}

function assign(ctx: CheckContext, scope: Scope, stat: Ast.AssignStat): void {
  const { types, open } = values(ctx, scope, stat.values);
  stat.targets.forEach((target, i) => {
    const value = i < types.length ? types[i] : open ? ANY : undefined;
    const at = stat.values[Math.min(i, stat.values.length - 1)] ?? target;
    if (target.kind === 'Name') {
      const variable = scope.lookup(target.name);
      if (variable?.declared && value !== undefined)
        checkAssignment(ctx, value, variable.declared, at);
      return;
    }
    if (target.kind === 'Member' || target.kind === 'Index') {
      const object = resolve(synth(ctx, scope, target.object));
      if (target.kind === 'Index') synth(ctx, scope, target.index);
      const key =
        target.kind === 'Member'
          ? target.member.name
          : target.index.kind === 'String'
            ? target.index.value
            : null;
      if (object.kind !== 'record' || object.open || key === null || value === undefined) return;
      const field = object.fields.find((f) => f.name === key);
      if (field)
        checkAssignment(
          ctx,
          value,
          field.optional ? union([field.type, { kind: 'primitive', name: 'nil' }]) : field.type,
          at,
        );
    }
  });
}

/** A scope where the facts of `cond` being `truthy` hold. */
function narrowed(ctx: CheckContext, scope: Scope, cond: Ast.Expr, truthy: boolean): Scope {
  const inner = new Scope(scope);
  applyFacts(ctx, inner, cond, truthy);
  return inner;
}

function applyFacts(ctx: CheckContext, scope: Scope, cond: Ast.Expr, truthy: boolean): void {
  for (const fact of narrowings(cond, truthy, (n) => ctx.env.lookup(n))) {
    const v = scope.lookup(fact.name);
    if (v) scope.narrow(fact.name, fact.refine(v.current));
  }
}

function ifStat(ctx: CheckContext, scope: Scope, stat: Ast.IfStat): void {
  // Each clause runs where every earlier condition was false.
  const falsy = new Scope(scope);
  for (const clause of stat.clauses) {
    condition(ctx, falsy, clause.condition);
    checkBlock(ctx, narrowed(ctx, falsy, clause.condition, true), clause.body);
    applyFacts(ctx, falsy, clause.condition, false);
  }
  if (stat.orElse) checkBlock(ctx, new Scope(falsy), stat.orElse);
  // `if err then return nil, err end`, `if not x then error(…) end`: past the `if`, the
  // condition was false.
  if (stat.clauses.length === 1 && !stat.orElse && leaves(stat.clauses[0].body)) {
    applyFacts(ctx, scope, stat.clauses[0].condition, false);
  }
}

/** A block that certainly does not fall through (return, break, goto, error(…)). */
function leaves(block: Ast.Block): boolean {
  const last = block.body[block.body.length - 1];
  if (!last) return false;
  if (last.kind === 'Return' || last.kind === 'Break' || last.kind === 'Goto') return true;
  return (
    last.kind === 'CallStat' &&
    last.call.kind === 'Call' &&
    last.call.callee.kind === 'Name' &&
    last.call.callee.name === 'error'
  );
}

function genericFor(ctx: CheckContext, scope: Scope, stat: Ast.GenericForStat): void {
  const inner = new Scope(scope);
  let loopTypes: Type[] = [];
  const first = stat.exprs[0];
  if (
    stat.exprs.length === 1 &&
    first.kind === 'Call' &&
    first.callee.kind === 'Name' &&
    first.args.length === 1 &&
    !scope.lookup(first.callee.name)
  ) {
    const over = resolve(synth(ctx, scope, first.args[0]));
    if (first.callee.name === 'ipairs' && over.kind === 'array') loopTypes = [INTEGER, over.elem];
    if (first.callee.name === 'pairs' && over.kind === 'map') loopTypes = [over.key, over.value];
  } else {
    for (const e of stat.exprs) synth(ctx, scope, e);
  }
  stat.names.forEach((n, i) => {
    const type = loopTypes[i] ?? ANY;
    inner.declare(n.name, { current: type });
    ctx.record(n, n.name, type);
  });
  checkBlock(ctx, inner, stat.body);
}

function returnStat(ctx: CheckContext, scope: Scope, stat: Ast.ReturnStat): void {
  const fn = ctx.fn;
  const { types, open } = values(ctx, scope, stat.values);
  if (!fn) return;
  fn.sawReturn = true;
  const declared = fn.returns;
  if (!declared) return;
  types.forEach((actual, i) => {
    if (i >= declared.length) return;
    const expected = declared[i];
    if (assignable(actual, expected).ok) return;
    const at = stat.values[Math.min(i, stat.values.length - 1)];
    const shown = formatType(mentionsLiterals(expected) ? actual : widenDeep(actual));
    const where = i === 0 ? '' : ` at position ${i + 1}`;
    ctx.report(
      TYPE_CODES.typeMismatch,
      `cannot return ${shown}${where}, expected ${formatType(expected)}`,
      at,
    );
  });
  if (open) return;
  for (let i = types.length; i < declared.length; i++) {
    if (acceptsNil(declared[i]) || declared[i].kind === 'never') continue;
    const message =
      i === 0
        ? 'missing return'
        : `missing return value at position ${i + 1} (expected ${formatType(declared[i])})`;
    ctx.report(TYPE_CODES.missingReturn, message, stat);
    return;
  }
}
