/**
 * Declared types as data, handed to the runtime beside the erased chunk (as go-lua's
 * `injectProtoTypes` binds the checker's type list to the compiled function): every
 * `type`/`interface` of the chunk, and the static type of each `typeof(e)` that the erased code
 * asks for. The same walk finds the calls that go-lua compiles to OP_LOADTYPE: a call of a
 * global built-in type name (`integer(x)`, `string:is(v)`), which erasing renames to a hidden
 * binding of the same length or shorter (a bare `integer` stays an ordinary global).
 */
import type { Expr, FunctionExpr, Node, Type, Validator } from './ast.ts';
import { forEachChild } from './walk.ts';

export interface ValidatorDesc {
  name: string;
  args: (string | number | boolean | null)[];
}

export interface FieldDesc {
  name: string;
  optional: boolean;
  type: TypeDesc;
  readonly?: boolean;
}

export type TypeDesc =
  | { k: 'name'; name: string; module?: string; args?: TypeDesc[]; validators?: ValidatorDesc[] }
  | { k: 'literal'; value: string | number | boolean; integer?: boolean }
  | { k: 'array'; elem: TypeDesc; readonly?: boolean; validators?: ValidatorDesc[] }
  | { k: 'map'; key: TypeDesc; val: TypeDesc; readonly?: boolean }
  | { k: 'record'; fields: FieldDesc[]; readonly?: boolean; interface?: boolean }
  | { k: 'function'; params: { name?: string; type: TypeDesc }[]; returns?: TypeDesc[] }
  | { k: 'union'; types: TypeDesc[] }
  | { k: 'intersection'; types: TypeDesc[] }
  | { k: 'optional'; inner: TypeDesc }
  | { k: 'index'; object: TypeDesc; index: TypeDesc }
  | { k: 'keyof'; type: TypeDesc }
  | { k: 'conditional'; check: TypeDesc; extends: TypeDesc; then: TypeDesc; else: TypeDesc };

export interface DeclaredType {
  name: string;
  /** Generic parameters (`type Box<T>`), by name. */
  params: string[];
  type: TypeDesc;
}

export interface Manifest {
  types: DeclaredType[];
  /**
   * Locals bound to `require("name")` at the chunk's top level, by local name: how a type
   * written `inner.Inner` finds the module whose `Inner` it is.
   */
  requires: Record<string, string>;
  /** Static types for `typeof(e)` sites, by the index the erased code passes. */
  typeofs: TypeDesc[];
}

/** A textual replacement of erased code (same length or shorter, padded with spaces). */
export interface Rewrite {
  start: number;
  end: number;
  text: string;
}

/** The built-in names go-lua compiles a call of to OP_LOADTYPE. */
export const BUILTIN_TYPE_NAMES = [
  'nil', 'boolean', 'number', 'integer', 'string', 'any', 'unknown', 'never',
]; // prettier-ignore

/** Methods of type values (a `Name.m(...)`/`Name:m(...)` call on a type name loads the type). */
export const TYPE_METHODS = new Set([
  'is', 'kind', 'name', 'elem', 'key', 'val', 'inner', 'ret', 'fields', 'variants', 'params',
  'tparams',
]); // prettier-ignore

/** The hidden bindings that replace a called built-in type name in the erased code. */
export const HIDDEN_TYPE_NAMES: Record<string, string> = {
  nil: '_Tl', boolean: '_Tb', number: '_Tn', integer: '_Ti', string: '_Ts', any: '_Ta',
  unknown: '_Tu', never: '_Te',
}; // prettier-ignore
/** The erased code's `typeof` helpers: by static type index, and by value. */
export const TYPEOF_STATIC = '_Tk';
export const TYPEOF_VALUE = '_Tv';

const BUILTIN = new Set(BUILTIN_TYPE_NAMES);

type Scope = Map<string, Type | null>;

export function buildManifest(chunk: Node): { manifest: Manifest; rewrites: Rewrite[] } {
  const manifest: Manifest = { types: [], typeofs: [], requires: {} };
  const rewrites: Rewrite[] = [];
  const scopes: Scope[] = [new Map()];

  const lookup = (name: string): { found: boolean; type: Type | null } => {
    for (let i = scopes.length - 1; i >= 0; i--) {
      if (scopes[i].has(name)) return { found: true, type: scopes[i].get(name)! };
    }
    return { found: false, type: null };
  };
  const declare = (name: string, type: Type | null = null) =>
    scopes[scopes.length - 1].set(name, type);

  const describe = (type: Type): TypeDesc => describeType(type, (expr) => staticTypeOf(expr));

  const staticTypeOf = (expr: Expr): TypeDesc | null => {
    if (expr.kind === 'Name') {
      const found = lookup(expr.name);
      return found.type ? describe(found.type) : null;
    }
    if (expr.kind === 'Cast') return describe(expr.type);
    if (expr.kind === 'Paren') return staticTypeOf(expr.expr);
    return null;
  };

  const renameBuiltinCallee = (callee: Expr): void => {
    if (callee.kind !== 'Name' || !BUILTIN.has(callee.name) || lookup(callee.name).found) return;
    const hidden = HIDDEN_TYPE_NAMES[callee.name];
    rewrites.push({
      start: callee.start,
      end: callee.end,
      text: hidden.padEnd(callee.end - callee.start),
    });
  };

  const visitFunction = (fn: FunctionExpr, extra: string[] = []): void => {
    scopes.push(new Map());
    for (const name of extra) declare(name);
    for (const param of fn.params) declare(param.name, param.annotation?.type ?? null);
    visit(fn.body);
    scopes.pop();
  };

  const visit = (node: Node): void => {
    switch (node.kind) {
      case 'Block':
        scopes.push(new Map());
        forEachChild(node, visit);
        scopes.pop();
        return;
      case 'FunctionExpr':
        visitFunction(node, node.isMethod ? ['self'] : []);
        return;
      case 'Local':
        node.values.forEach(visit);
        node.names.forEach((name, i) => {
          const module = requiredModule(node.values[i]);
          if (module !== null && scopes.length <= 2) manifest.requires[name.name] = module;
        });
        for (const name of node.names) declare(name.name, name.annotation?.type ?? null);
        return;
      case 'LocalFunction':
        declare(node.name.name);
        visitFunction(node.func);
        return;
      case 'Function':
        visit(node.base);
        visitFunction(node.func, node.method ? ['self'] : []);
        return;
      case 'NumericFor':
        [node.from, node.to, node.step].forEach((e) => e && visit(e));
        scopes.push(new Map([[node.variable.name, null]]));
        visit(node.body);
        scopes.pop();
        return;
      case 'GenericFor':
        node.exprs.forEach(visit);
        scopes.push(new Map(node.names.map((n) => [n.name, null] as [string, null])));
        visit(node.body);
        scopes.pop();
        return;
      case 'TypeAlias':
        manifest.types.push({
          name: node.name.name,
          params: node.typeParams?.params.map((p) => p.name) ?? [],
          type: describe(node.type),
        });
        return;
      case 'Interface':
        manifest.types.push({
          name: node.name.name,
          params: [],
          type: {
            k: 'record',
            interface: true,
            fields: node.methods.map((m) => ({
              name: m.name,
              optional: false,
              type: {
                k: 'function',
                params: m.params.map((p) => ({
                  name: p.name,
                  type: p.annotation ? describe(p.annotation.type) : ANY,
                })),
                returns: m.returns.map(describe),
              },
            })),
          },
        });
        return;
      case 'Call':
        renameBuiltinCallee(node.callee);
        forEachChild(node, visit);
        return;
      case 'MethodCall':
        if (TYPE_METHODS.has(node.method.name)) renameBuiltinCallee(node.object);
        forEachChild(node, visit);
        return;
      case 'TypeofExpr': {
        const known = staticTypeOf(node.expr);
        const open = node.expr.start; // the erased code keeps the argument where it was
        if (known && manifest.typeofs.length < 100) {
          const index = manifest.typeofs.push(known) - 1;
          const head = `${TYPEOF_STATIC}(${index},`;
          rewrites.push({ start: node.start, end: open, text: head.padEnd(open - node.start) });
        } else {
          rewrites.push({
            start: node.start,
            end: open,
            text: `${TYPEOF_VALUE}(`.padEnd(open - node.start),
          });
        }
        visit(node.expr);
        return;
      }
      case 'TypeAnnotation':
      case 'ReturnAnnotation':
      case 'TypeParams':
        return;
      default:
        if (isTypeNode(node)) return;
        forEachChild(node, visit);
    }
  };
  visit(chunk);
  return { manifest, rewrites };
}

const ANY: TypeDesc = { k: 'name', name: 'any' };

/** `require("name")` (or `require "name"`) → "name". */
function requiredModule(expr: Expr | undefined): string | null {
  if (expr?.kind !== 'Call' || expr.callee.kind !== 'Name' || expr.callee.name !== 'require')
    return null;
  const arg = expr.args[0];
  return expr.args.length === 1 && arg.kind === 'String' ? arg.value : null;
}

const TYPE_KINDS = new Set([
  'NamedType', 'LiteralType', 'ArrayType', 'MapType', 'RecordType', 'FunctionType', 'UnionType',
  'IntersectionType', 'OptionalType', 'IndexedType', 'TypeofType', 'KeyofType',
  'ConditionalType', 'AssertsType', 'ParenType', 'ErrorType',
]); // prettier-ignore

function isTypeNode(node: Node): node is Type {
  return TYPE_KINDS.has(node.kind);
}

function validatorsOf(validators: Validator[]): ValidatorDesc[] | undefined {
  if (validators.length === 0) return undefined;
  return validators.map((v) => ({ name: v.name, args: v.args.map(literalValue) }));
}

/** A validator argument's value: literals (and negated numbers) only. */
function literalValue(expr: Expr): string | number | boolean | null {
  switch (expr.kind) {
    case 'Number':
      return Number(expr.raw);
    case 'String':
      return expr.value;
    case 'True':
      return true;
    case 'False':
      return false;
    case 'Unary':
      if (expr.op === '-' && expr.operand.kind === 'Number') return -Number(expr.operand.raw);
      return null;
    default:
      return null;
  }
}

export function describeType(type: Type, typeofExpr: (expr: Expr) => TypeDesc | null): TypeDesc {
  const d = (t: Type) => describeType(t, typeofExpr);
  switch (type.kind) {
    case 'NamedType': {
      const desc: TypeDesc = { k: 'name', name: type.name };
      if (type.module) desc.module = type.module;
      if (type.args) desc.args = type.args.map(d);
      const validators = validatorsOf(type.validators);
      if (validators) desc.validators = validators;
      return desc;
    }
    case 'LiteralType':
      return type.integer === undefined
        ? { k: 'literal', value: type.value }
        : { k: 'literal', value: type.value, integer: type.integer };
    case 'ArrayType': {
      const desc: TypeDesc = { k: 'array', elem: d(type.element) };
      if (type.readonly) desc.readonly = true;
      const validators = validatorsOf(type.validators);
      if (validators) desc.validators = validators;
      return desc;
    }
    case 'MapType':
      return {
        k: 'map',
        key: d(type.key),
        val: d(type.value),
        ...(type.readonly ? { readonly: true } : {}),
      };
    case 'RecordType':
      return {
        k: 'record',
        fields: type.fields.map((f) => {
          let fieldType = d(f.type);
          const validators = validatorsOf(f.validators);
          if (validators && (fieldType.k === 'name' || fieldType.k === 'array')) {
            fieldType = {
              ...fieldType,
              validators: [...(fieldType.validators ?? []), ...validators],
            };
          }
          return { name: f.name, optional: f.optional, type: fieldType };
        }),
        ...(type.readonly ? { readonly: true } : {}),
        ...(type.isInterface ? { interface: true } : {}),
      };
    case 'FunctionType':
      return {
        k: 'function',
        params: type.params.map((p) =>
          p.name ? { name: p.name, type: d(p.type) } : { type: d(p.type) },
        ),
        returns: type.returns?.map(d),
      };
    case 'UnionType':
      return { k: 'union', types: type.types.map(d) };
    case 'IntersectionType':
      return { k: 'intersection', types: type.types.map(d) };
    case 'OptionalType':
      return { k: 'optional', inner: d(type.inner) };
    case 'IndexedType':
      return { k: 'index', object: d(type.object), index: d(type.index) };
    case 'TypeofType':
      return typeofExpr(type.expr) ?? ANY;
    case 'KeyofType':
      return { k: 'keyof', type: d(type.type) };
    case 'ConditionalType':
      return {
        k: 'conditional',
        check: d(type.check),
        extends: d(type.extends),
        then: d(type.then),
        else: d(type.else),
      };
    case 'AssertsType':
      return { k: 'name', name: 'boolean' };
    case 'ParenType':
      return d(type.type);
    case 'ErrorType':
      return ANY;
  }
}
