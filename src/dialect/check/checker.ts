/**
 * The type checker over the dialect's syntax tree (`check(chunk)`): what go-lua's checker
 * reports as errors for assignments, returns, calls, fields and operands, as data
 * (diagnostic.ts), plus the position → type table that hovers read.
 *
 * It is a growing subset of the platform's checker and must never report a false error on
 * correct code: whatever the model cannot follow is `any`, which fits everywhere.
 */
import type * as Ast from '../ast.ts';
import { CheckContext } from './context.ts';
import { TypeEnv } from './type-env.ts';
import { Scope } from './scope.ts';
import { checkBlock } from './statements.ts';
import type { TypeAtPosition, TypeDiagnostic } from './diagnostic.ts';

export interface CheckOutput {
  /** In source order. */
  diagnostics: TypeDiagnostic[];
  types: TypeAtPosition[];
  /** The type names the script declared (`type Point`, `interface Shape`). */
  typeNames: string[];
}

export function check(chunk: Ast.Chunk): CheckOutput {
  const env = new TypeEnv(chunk);
  const ctx = new CheckContext(env, reassignedNames(chunk));
  // The main chunk is a vararg function without declared results.
  ctx.functions.push({
    returns: null,
    vararg: { kind: 'any' },
    sawReturn: false,
    typeParams: new Map(),
  });
  checkBlock(ctx, new Scope(), chunk.body);
  const diagnostics = [...ctx.diagnostics].sort((a, b) => a.start - b.start);
  return { diagnostics: dedupe(diagnostics), types: ctx.types, typeNames: env.names() };
}

/** Every name that an assignment statement targets anywhere in the chunk. */
function reassignedNames(chunk: Ast.Chunk): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (typeof node !== 'object' || node === null || !('kind' in node)) return;
    const n = node as Ast.Node;
    if (n.kind === 'Assign') {
      for (const t of n.targets) if (t.kind === 'Name') names.add(t.name);
    }
    for (const value of Object.values(n)) if (typeof value === 'object') visit(value);
  };
  visit(chunk);
  return names;
}

function dedupe(list: TypeDiagnostic[]): TypeDiagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.start}:${d.code}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
