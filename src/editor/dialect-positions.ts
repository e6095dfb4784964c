/** Where the editor's dialect providers act: type positions and the type table's lookup. */
import type { TypeAt } from './dialect-protocol.ts';

/**
 * Whether the text before the cursor ends in a type position. A method call (`obj:name`)
 * is not one: its colon follows a name without a space and is not a declaration.
 */
export function inTypePosition(lineBefore: string): boolean {
  return (
    /\blocal\s+[A-Za-z_][\w\s,:<>{}|?]*:\s*[\w.]*$/.test(lineBefore) ||
    /\bfunction\b[^)]*[(,]\s*[A-Za-z_]\w*\s*:\s*[\w.]*$/.test(lineBefore) ||
    /\bfunction\b.*\)\s*:\s*[\w.]*$/.test(lineBefore) ||
    /(::|->|\bas)\s*[\w.]*$/.test(lineBefore) ||
    /^\s*type\s+[A-Za-z_]\w*(<[^>]*>)?\s*=.*[=|&{,(]\s*[\w.]*$/.test(lineBefore) ||
    /\w\s*:\s*[\w.?]+\s*[|&]\s*[\w.]*$/.test(lineBefore)
  );
}

/** The entry of the smallest span covering `offset`. */
export function typeAt(types: readonly TypeAt[], offset: number): TypeAt | undefined {
  let best: TypeAt | undefined;
  for (const t of types) {
    if (offset < t.start || offset >= t.end) continue;
    if (!best || t.end - t.start < best.end - best.start) best = t;
  }
  return best;
}
