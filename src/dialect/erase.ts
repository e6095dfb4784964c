/**
 * Erasing: the typed source becomes plain Lua with every line and column unchanged. Each type
 * span is blanked with spaces (newlines kept, so a multi-line `type` keeps its lines); a `;`
 * takes the first blank column where blanking would join two statements (Lua's `(` trap:
 * `x = v :: T` then a line starting with `(` would become the call `v(...)`). The manifest's
 * rewrites (hidden names for built-in type calls, `typeof`) are applied in place, never longer
 * than what they replace.
 */
import type { Chunk, Node } from './ast.ts';
import type { Rewrite } from './manifest.ts';
import { walk } from './walk.ts';

interface Blank {
  start: number;
  end: number;
  /** Put `;` in the first column (a whole statement, or a span before a `(`). */
  semicolon: boolean;
}

export function erase(source: string, chunk: Chunk, rewrites: Rewrite[] = []): string {
  const blanks: Blank[] = [];
  const beforeParen = (end: number) => nextSignificantChar(source, end) === '(';
  walk(chunk, (node: Node) => {
    switch (node.kind) {
      case 'TypeAlias':
      case 'Interface':
        blanks.push({ start: node.start, end: node.end, semicolon: true });
        return false;
      case 'TypeAnnotation':
      case 'ReturnAnnotation':
      case 'TypeParams':
        blanks.push({ start: node.start, end: node.end, semicolon: false });
        return false;
      case 'Cast':
        blanks.push({ start: node.opStart, end: node.end, semicolon: beforeParen(node.end) });
        return true;
      case 'NonNil':
        blanks.push({
          start: node.bangStart,
          end: node.bangStart + 1,
          semicolon: beforeParen(node.end),
        });
        return true;
    }
    return true;
  });
  if (blanks.length === 0 && rewrites.length === 0) return source;
  const edits: { start: number; end: number; text: string }[] = blanks.map((blank) => {
    const spaces = source.slice(blank.start, blank.end).replace(/[^\r\n]/g, ' ');
    return {
      start: blank.start,
      end: blank.end,
      text: blank.semicolon ? `;${spaces.slice(1)}` : spaces,
    };
  });
  for (const rewrite of rewrites) {
    // Same width, and any newline inside the span stays where it was.
    const original = source.slice(rewrite.start, rewrite.end);
    let text = '';
    for (let i = 0; i < original.length; i++) {
      const ch = original[i];
      text += ch === '\n' || ch === '\r' ? ch : (rewrite.text[i] ?? ' ');
    }
    edits.push({ start: rewrite.start, end: rewrite.end, text });
  }
  edits.sort((a, b) => a.start - b.start);
  const pieces: string[] = [];
  let at = 0;
  for (const edit of edits) {
    if (edit.start < at) continue; // never overlapping; a guard, not a case
    pieces.push(source.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  pieces.push(source.slice(at));
  return pieces.join('');
}

/** The first character after `from` that is not space or inside a comment. */
function nextSignificantChar(source: string, from: number): string | undefined {
  let i = from;
  while (i < source.length) {
    const ch = source[i];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v') {
      i++;
    } else if (ch === '-' && source[i + 1] === '-') {
      const long = /^--\[(=*)\[/.exec(source.slice(i, i + 260));
      if (long) {
        const close = source.indexOf(`]${long[1]}]`, i);
        i = close < 0 ? source.length : close + long[1].length + 2;
      } else {
        while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
      }
    } else {
      return ch;
    }
  }
  return undefined;
}
