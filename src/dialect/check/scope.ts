/**
 * Lexical scopes of the checker: each local's declared type (its annotation) and its type at
 * this point of the code (the declared type, or narrower after a test such as `x ~= nil`).
 * A narrowing is a new entry in an inner scope that shadows the outer one, so leaving the
 * block forgets it.
 */
import type { Type } from '../types/model.ts';

export interface Variable {
  /** The annotation's type; undefined for an unannotated local (its type is inferred). */
  declared?: Type;
  current: Type;
}

export class Scope {
  private readonly vars = new Map<string, Variable>();

  constructor(readonly parent?: Scope) {}

  declare(name: string, variable: Variable): void {
    this.vars.set(name, variable);
  }

  lookup(name: string): Variable | undefined {
    return this.vars.get(name) ?? this.parent?.lookup(name);
  }

  /** Give `name` a narrower type from here to the end of this scope. */
  narrow(name: string, current: Type): void {
    const variable = this.lookup(name);
    if (variable) this.vars.set(name, { declared: variable.declared, current });
  }
}
