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
  const chars = source.split('');
  for (const blank of blanks) {
    for (let i = blank.start; i < blank.end; i++) {
      if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
    }
    if (blank.semicolon) chars[blank.start] = ';';
  }
  for (const rewrite of rewrites) {
    for (let i = rewrite.start; i < rewrite.end; i++) {
      const ch = rewrite.text[i - rewrite.start] ?? ' ';
      if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ch;
    }
  }
  return chars.join('');
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
