/**
 * The type of each expression, and the checks that belong to one expression: arithmetic and
 * concatenation operands, indexing a number, reading a field a declared record lacks (calls
 * are in calls.ts). An expression the checker cannot type is `any`, which never errs.
 */
import type * as Ast from '../ast.ts';
import {
  ANY,
  BOOLEAN,
  INTEGER,
  NIL,
  NUMBER,
  STRING,
  TABLE,
  fieldOf,
  literal,
  nonNil,
  optional,
  resolve,
  union,
  widen,
  type RecordField,
  type Type,
} from '../types/model.ts';
import { formatType } from '../types/format.ts';
import { TYPE_CODES } from './diagnostic.ts';
import type { CheckContext } from './context.ts';
import { Scope } from './scope.ts';
import { narrowings } from './narrow.ts';
import { checkCall, checkMethodCall } from './calls.ts';
import { checkFunction } from './functions.ts';

const ARITHMETIC = new Set(['+', '-', '*', '/', '//', '%', '^']);
const COMPARISON = new Set(['<', '>', '<=', '>=', '==', '~=']);
const BITWISE = new Set(['|', '~', '&', '<<', '>>']);

/** The type of `expr` as one value. */
export function synth(ctx: CheckContext, scope: Scope, expr: Ast.Expr): Type {
  const many = synthMany(ctx, scope, expr);
  return many === null ? ANY : (many[0] ?? NIL);
}

/**
 * The values of `expr`: one for most expressions, all results for a call or `...`; null when
 * a call's result count is unknown.
 */
export function synthMany(ctx: CheckContext, scope: Scope, expr: Ast.Expr): Type[] | null {
  switch (expr.kind) {
    case 'Call':
      return checkCall(ctx, scope, expr);
    case 'MethodCall':
      return checkMethodCall(ctx, scope, expr);
    case 'Vararg':
      return null;
    default:
      return [synthOne(ctx, scope, expr)];
  }
}

function synthOne(ctx: CheckContext, scope: Scope, expr: Ast.Expr): Type {
  switch (expr.kind) {
    case 'Nil':
      return NIL;
    case 'True':
      return literal(true);
    case 'False':
      return literal(false);
    case 'Number':
      return numberLiteral(expr.raw);
    case 'String':
      return literal(expr.value);
    case 'FunctionExpr':
      return checkFunction(ctx, scope, expr);
    case 'Table':
      return tableLiteral(ctx, scope, expr);
    case 'Binary':
      return binary(ctx, scope, expr);
    case 'Unary':
      return unary(ctx, scope, expr);
    case 'Name':
      return nameType(ctx, scope, expr);
    case 'Member': {
      const object = synth(ctx, scope, expr.object);
      return member(ctx, object, expr.member.name, expr.object, expr.member);
    }
    case 'Index':
      return index(ctx, scope, expr);
    case 'Paren':
      return synth(ctx, scope, expr.expr);
    case 'Cast':
      synth(ctx, scope, expr.expr);
      return ctx.resolve(expr.type);
    case 'NonNil':
      return nonNil(synth(ctx, scope, expr.expr));
    default:
      return ANY;
  }
}

function numberLiteral(raw: string): Type {
  const value = Number(raw);
  if (!Number.isFinite(value)) return NUMBER;
  const integer = /^0[xX][0-9a-fA-F]+$/.test(raw) || /^\d+$/.test(raw);
  return integer ? literal(value) : Number.isInteger(value) ? NUMBER : literal(value);
}

function nameType(ctx: CheckContext, scope: Scope, expr: Ast.Name): Type {
  const variable = scope.lookup(expr.name);
  const type = variable ? variable.current : (ctx.globals.get(expr.name) ?? ANY);
  if (variable || ctx.globals.has(expr.name)) ctx.record(expr, expr.name, type);
  return type;
}

function tableLiteral(ctx: CheckContext, scope: Scope, expr: Ast.TableExpr): Type {
  const fields: RecordField[] = [];
  const items: Type[] = [];
  let shaped = true;
  for (const field of expr.fields) {
    if (field.kind === 'ArrayField') {
      items.push(widen(synth(ctx, scope, field.value)));
      continue;
    }
    const value = synth(ctx, scope, field.value);
    const name =
      field.kind === 'NamedField'
        ? field.name.name
        : field.key.kind === 'String'
          ? field.key.value
          : null;
    if (field.kind === 'KeyedField') synth(ctx, scope, field.key);
    if (name === null) shaped = false;
    else fields.push({ name, type: value, optional: false, readonly: false });
  }
  if (!shaped || (items.length > 0 && fields.length > 0)) return TABLE;
  if (items.length > 0) return { kind: 'array', elem: union(items) };
  return { kind: 'record', fields, open: true };
}

/** The type of an expression used as a condition (field reads there are probes). */
export function condition(ctx: CheckContext, scope: Scope, expr: Ast.Expr): Type {
  ctx.probing++;
  try {
    return synth(ctx, scope, expr);
  } finally {
    ctx.probing--;
  }
}

/**
 * Whether `t` is certainly refused by arithmetic (`number`) or concatenation (`concat`). Only
 * primitives: a table may have `__add` or `__concat`, which the model does not follow.
 */
function certainlyNot(t: Type, allowed: 'number' | 'concat'): boolean {
  const r = resolve(t);
  if (r.kind === 'primitive') {
    return r.name === 'boolean' || (allowed === 'number' && r.name === 'string');
  }
  if (r.kind === 'literal') {
    return typeof r.value === 'boolean' || (allowed === 'number' && typeof r.value === 'string');
  }
  return false;
}

function isIntegerType(t: Type): boolean {
  const r = resolve(t);
  return (
    (r.kind === 'primitive' && r.name === 'integer') ||
    (r.kind === 'literal' && Number.isInteger(r.value))
  );
}

function isNumberType(t: Type): boolean {
  const r = resolve(t);
  return (
    isIntegerType(r) ||
    (r.kind === 'primitive' && r.name === 'number') ||
    (r.kind === 'literal' && typeof r.value === 'number')
  );
}

function binary(ctx: CheckContext, scope: Scope, expr: Ast.BinaryExpr): Type {
  if (expr.op === 'and' || expr.op === 'or') {
    const left = condition(ctx, scope, expr.left);
    const inner = new Scope(scope);
    for (const fact of narrowings(expr.left, expr.op === 'and', (n) => ctx.env.lookup(n))) {
      const v = inner.lookup(fact.name);
      if (v) inner.narrow(fact.name, fact.refine(v.current));
    }
    const right = synth(ctx, inner, expr.right);
    if (expr.op === 'and' || left.kind === 'any') return ANY;
    return union([nonNil(widen(left)), widen(right)]);
  }
  const left = synth(ctx, scope, expr.left);
  const right = synth(ctx, scope, expr.right);
  if (ARITHMETIC.has(expr.op)) {
    for (const [operand, t] of [
      [expr.left, left],
      [expr.right, right],
    ] as const) {
      if (certainlyNot(t, 'number')) {
        ctx.report(
          TYPE_CODES.invalidOperand,
          `cannot perform arithmetic on ${formatType(widen(t))}, expected number`,
          operand,
        );
        return ANY;
      }
    }
    if (!isNumberType(left) || !isNumberType(right)) return ANY;
    if (expr.op === '/' || expr.op === '^') return NUMBER;
    return isIntegerType(left) && isIntegerType(right) ? INTEGER : NUMBER;
  }
  if (expr.op === '..') {
    for (const [operand, t] of [
      [expr.left, left],
      [expr.right, right],
    ] as const) {
      if (certainlyNot(t, 'concat')) {
        ctx.report(
          TYPE_CODES.invalidOperand,
          `cannot concatenate ${formatType(widen(t))}, expected string or number`,
          operand,
        );
        break;
      }
    }
    return STRING;
  }
  if (COMPARISON.has(expr.op)) return BOOLEAN;
  if (BITWISE.has(expr.op)) return INTEGER;
  return ANY;
}

function unary(ctx: CheckContext, scope: Scope, expr: Ast.UnaryExpr): Type {
  const operand = synth(ctx, scope, expr.operand);
  switch (expr.op) {
    case 'not':
      return BOOLEAN;
    case '#':
    case '~':
      return INTEGER;
    case '-':
      if (certainlyNot(operand, 'number')) {
        ctx.report(
          TYPE_CODES.invalidOperand,
          `cannot apply unary - to ${formatType(widen(operand))}, expected number`,
          expr.operand,
        );
        return ANY;
      }
      return isIntegerType(operand) ? INTEGER : isNumberType(operand) ? NUMBER : ANY;
  }
}

/** Reading `.name` of a value of type `object` (go-lua `field_check.go`). */
export function member(
  ctx: CheckContext,
  object: Type,
  name: string,
  objectNode: Ast.Node,
  nameNode: Ast.Node,
): Type {
  const r = resolve(object);
  if (
    r.kind === 'primitive' &&
    (r.name === 'number' || r.name === 'integer' || r.name === 'boolean')
  ) {
    ctx.report(TYPE_CODES.typeMismatch, `cannot index type ${formatType(object)}`, objectNode);
    return ANY;
  }
  if (
    r.kind === 'record' ||
    (r.kind === 'intersection' && r.members.every((m) => resolve(m).kind === 'record'))
  ) {
    const field = fieldOf(r, name);
    if (field) return field.optional ? optional(field.type) : field.type;
    const open =
      r.kind === 'record' ? r.open : r.members.some((m) => (resolve(m) as { open?: boolean }).open);
    if (!open && ctx.probing === 0) {
      ctx.report(
        TYPE_CODES.noField,
        `field '${name}' does not exist on type ${formatType(object)}`,
        nameNode,
      );
    }
    return ANY;
  }
  if (r.kind === 'map') return r.value;
  return ANY;
}

function index(ctx: CheckContext, scope: Scope, expr: Ast.IndexExpr): Type {
  const object = synth(ctx, scope, expr.object);
  synth(ctx, scope, expr.index);
  if (expr.index.kind === 'String')
    return member(ctx, object, expr.index.value, expr.object, expr.index);
  const r = resolve(object);
  if (r.kind === 'array') return r.elem;
  if (r.kind === 'map') return r.value;
  return ANY;
}
