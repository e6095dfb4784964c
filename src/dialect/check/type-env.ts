/**
 * The declared types of a chunk and how an annotation (an AST type) becomes a model type.
 *
 * Every `type` and `interface` statement of the chunk is collected before checking (a type may
 * be used above its declaration, and may refer to itself: `type Node = {next: Node?}`), each as
 * a named type whose target is filled in afterwards. What the model does not follow (a type
 * from another module, `typeof`, `keyof`, conditional and indexed types, an unknown name)
 * becomes `any`: the checker then stays silent rather than guess.
 */
import type * as Ast from '../ast.ts';
import {
  ANY,
  BUILTIN_TYPES,
  optional,
  substitute,
  union,
  type Param,
  type RecordField,
  type Type,
  type TypeParam,
} from '../types/model.ts';

interface Declared {
  named: Extract<Type, { kind: 'named' }>;
  params: TypeParam[];
}

export class TypeEnv {
  private readonly declared = new Map<string, Declared>();

  /** Collect the chunk's declarations, then resolve their bodies. */
  constructor(chunk: Ast.Chunk) {
    const aliases: Array<Ast.TypeAliasStat | Ast.InterfaceStat> = [];
    collectDeclarations(chunk.body, aliases);
    for (const decl of aliases) {
      const name = decl.name.name;
      if (this.declared.has(name)) continue;
      const params =
        decl.kind === 'TypeAlias'
          ? (decl.typeParams?.params ?? []).map((p) => ({ name: p.name }))
          : [];
      this.declared.set(name, { named: { kind: 'named', name, target: ANY }, params });
    }
    for (const decl of aliases) {
      const entry = this.declared.get(decl.name.name)!;
      if (entry.named.target !== ANY) continue;
      if (decl.kind === 'TypeAlias') {
        const scope = new Map(
          entry.params.map((p) => [p.name, { kind: 'typeParam', name: p.name } as Type]),
        );
        entry.named.target = this.resolve(decl.type, scope);
      } else {
        entry.named.target = this.interfaceRecord(decl);
      }
    }
  }

  /** Names the script declared (`type Point`, `interface Shape`), for completions. */
  names(): string[] {
    return [...this.declared.keys()];
  }

  /** The declared type called `name` (a type value: `Point(x)`, `Point:is(x)`). */
  lookup(name: string): Type | undefined {
    return this.declared.get(name)?.named;
  }

  /** The model type of an annotation; `typeParams` are the enclosing generics in scope. */
  resolve(t: Ast.Type, typeParams: ReadonlyMap<string, Type> = new Map()): Type {
    const go = (x: Ast.Type) => this.resolve(x, typeParams);
    switch (t.kind) {
      case 'NamedType':
        return this.named(t, typeParams);
      case 'LiteralType':
        return { kind: 'literal', value: t.value };
      case 'ArrayType':
        return { kind: 'array', elem: go(t.element) };
      case 'MapType':
        return { kind: 'map', key: go(t.key), value: go(t.value) };
      case 'RecordType':
        return {
          kind: 'record',
          fields: t.fields.map((f): RecordField => ({
            name: f.name,
            type: go(f.type),
            optional: f.optional,
            readonly: t.readonly,
          })),
        };
      case 'FunctionType':
        return this.functionType(t, typeParams);
      case 'UnionType':
        return union(t.types.map(go));
      case 'IntersectionType':
        return { kind: 'intersection', members: t.types.map(go) };
      case 'OptionalType':
        return optional(go(t.inner));
      case 'ParenType':
        return go(t.type);
      default:
        // IndexedType, TypeofType, KeyofType, ConditionalType, AssertsType, ErrorType.
        return ANY;
    }
  }

  private named(t: Ast.NamedType, typeParams: ReadonlyMap<string, Type>): Type {
    if (t.module) return ANY;
    const param = typeParams.get(t.name);
    if (param) return param;
    const entry = this.declared.get(t.name);
    if (entry) {
      if (!t.args?.length || entry.params.length === 0) return entry.named;
      const args = t.args.map((a) => this.resolve(a, typeParams));
      const bindings = new Map(entry.params.map((p, i) => [p.name, args[i] ?? ANY]));
      return {
        kind: 'named',
        name: `${t.name}<${t.args.map((a) => typeText(a)).join(', ')}>`,
        target: substitute(entry.named.target, bindings),
      };
    }
    return BUILTIN_TYPES[t.name] ?? ANY;
  }

  private functionType(t: Ast.FunctionType, typeParams: ReadonlyMap<string, Type>): Type {
    const params: Param[] = [];
    let variadic: Type | undefined;
    for (const p of t.params) {
      const type = this.resolve(p.type, typeParams);
      if (p.name === '...') variadic = type;
      else params.push({ name: p.name, type });
    }
    const returns = t.returns ? t.returns.map((r) => this.resolve(r, typeParams)) : null;
    return { kind: 'function', params, variadic, returns };
  }

  private interfaceRecord(decl: Ast.InterfaceStat): Type {
    const fields: RecordField[] = [];
    for (const base of decl.extends) {
      const target = this.declared.get(base.name)?.named.target;
      if (target?.kind === 'record') fields.push(...target.fields);
    }
    for (const m of decl.methods) {
      fields.push({
        name: m.name,
        optional: false,
        readonly: true,
        type: {
          kind: 'function',
          params: m.params.map((p) => ({
            name: p.name,
            type: p.annotation ? this.resolve(p.annotation.type) : ANY,
          })),
          returns: m.returns.map((r) => this.resolve(r)),
        },
      });
    }
    return { kind: 'record', fields };
  }
}

/** Type arguments as the script wrote them, for the instantiated name (`Box<number>`). */
function typeText(t: Ast.Type): string {
  switch (t.kind) {
    case 'NamedType':
      return t.args?.length ? `${t.name}<${t.args.map(typeText).join(', ')}>` : t.name;
    case 'OptionalType':
      return `${typeText(t.inner)}?`;
    case 'LiteralType':
      return typeof t.value === 'string' ? JSON.stringify(t.value) : String(t.value);
    case 'ArrayType':
      return `{${typeText(t.element)}}`;
    default:
      return '…';
  }
}

function collectDeclarations(
  block: Ast.Block,
  out: Array<Ast.TypeAliasStat | Ast.InterfaceStat>,
): void {
  for (const stat of block.body) {
    switch (stat.kind) {
      case 'TypeAlias':
      case 'Interface':
        out.push(stat);
        break;
      case 'Do':
      case 'While':
      case 'Repeat':
      case 'NumericFor':
      case 'GenericFor':
        collectDeclarations(stat.body, out);
        break;
      case 'If':
        for (const clause of stat.clauses) collectDeclarations(clause.body, out);
        if (stat.orElse) collectDeclarations(stat.orElse, out);
        break;
      case 'LocalFunction':
      case 'Function':
        collectDeclarations(stat.func.body, out);
        break;
      default:
        break;
    }
  }
}
