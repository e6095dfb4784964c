/**
 * What one check of a chunk accumulates: its diagnostics, the position → type table for
 * hovers, the declared types, and the function being checked (for `return`).
 */
import type * as Ast from '../ast.ts';
import { formatType } from '../types/format.ts';
import type { Type } from '../types/model.ts';
import type { TypeEnv } from './type-env.ts';
import type { TypeAtPosition, TypeCode, TypeDiagnostic } from './diagnostic.ts';

export interface FunctionContext {
  /** Declared return types; null when the function declared none (nothing to check). */
  returns: Type[] | null;
  /** The type of `...` inside the function. */
  vararg: Type;
  sawReturn: boolean;
  typeParams: ReadonlyMap<string, Type>;
}

/** At most this many hover entries: a huge generated script must not grow the table forever. */
const MAX_TYPES = 20_000;

export class CheckContext {
  readonly diagnostics: TypeDiagnostic[] = [];
  readonly types: TypeAtPosition[] = [];
  readonly functions: FunctionContext[] = [];
  /** Global functions declared with annotations (`function f(x: number)`), for their calls. */
  readonly globals = new Map<string, Type>();
  /**
   * Inside a condition (`if p.debug then`): reading a field a record lacks is a probe that
   * reads nil there, no error (go-lua `fieldUseProbe`).
   */
  probing = 0;

  constructor(
    readonly env: TypeEnv,
    /** Names assigned after their declaration somewhere in the chunk (see checker.ts). */
    readonly reassigned: ReadonlySet<string>,
  ) {}

  get fn(): FunctionContext | undefined {
    return this.functions[this.functions.length - 1];
  }

  get typeParams(): ReadonlyMap<string, Type> {
    return this.fn?.typeParams ?? new Map();
  }

  report(code: TypeCode, message: string, at: Ast.NodeBase): void {
    this.diagnostics.push({
      code,
      message,
      start: at.start,
      end: at.end,
      line: at.line,
      col: at.col,
    });
  }

  record(at: Ast.NodeBase, name: string, type: Type): void {
    if (this.types.length >= MAX_TYPES) return;
    this.types.push({
      start: at.start,
      end: at.end,
      line: at.line,
      col: at.col,
      name,
      type: formatType(type),
    });
  }

  resolve(t: Ast.Type): Type {
    return this.env.resolve(t, this.typeParams);
  }
}
