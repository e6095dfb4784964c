/**
 * The tokens of expr-lang (`parser/lexer`): numbers (`1_000`, `0x1f`, `1e3`), strings
 * ('...' and "..." with Go escapes, `raw`), identifiers, word operators and punctuation, with
 * `//` and block comments skipped. Punctuation outside the playground's subset is still read, so
 * the parser can name it.
 */

/** A compile error: the platform refuses such an entry ("failed to compile expression"). */
export class ExprError extends Error {}

export interface Token {
  kind: 'number' | 'string' | 'ident' | 'op' | 'end';
  value: string;
  /** 1-based column in the expression. */
  col: number;
  literal?: string | number;
}

export const WORD_OPS = new Set([
  'and',
  'or',
  'not',
  'in',
  'matches',
  'contains',
  'startsWith',
  'endsWith',
]);
const PUNCT = [
  '?.',
  '??',
  '**',
  '..',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '!',
  '<',
  '>',
  '(',
  ')',
  '[',
  ']',
  ',',
  '.',
  '+',
  '-',
  '*',
  '/',
  '%',
  '^',
  '?',
  ':',
  '|',
  '#',
  '{',
  '}',
  ';',
  '=',
];

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    const col = i + 1;
    if (/\s/.test(ch)) {
      i++;
    } else if (src.startsWith('//', i)) {
      const end = src.indexOf('\n', i);
      i = end < 0 ? src.length : end;
    } else if (src.startsWith('/*', i)) {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) throw new ExprError(`unclosed comment at column ${col}`);
      i = end + 2;
    } else if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m =
        /^(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|[0-9_]*\.?[0-9_]*(?:[eE][+-]?[0-9_]+)?)/.exec(
          src.slice(i),
        )!;
      let text = m[0];
      // `1..5` is a range: the number ends before its dots.
      if (text.endsWith('.') && src[i + text.length] === '.') text = text.slice(0, -1);
      const value = Number(text.replace(/_/g, ''));
      if (Number.isNaN(value)) throw new ExprError(`invalid number "${text}" at column ${col}`);
      tokens.push({ kind: 'number', value: text, col, literal: value });
      i += text.length;
    } else if (ch === '"' || ch === "'" || ch === '`') {
      const { value, end } = readString(src, i);
      tokens.push({ kind: 'string', value: src.slice(i, end), col, literal: value });
      i = end;
    } else if (/[A-Za-z_$]/.test(ch)) {
      const word = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(src.slice(i))![0];
      tokens.push({ kind: WORD_OPS.has(word) ? 'op' : 'ident', value: word, col });
      i += word.length;
    } else {
      const op = PUNCT.find((p) => src.startsWith(p, i));
      if (!op) throw new ExprError(`unexpected character "${ch}" at column ${col}`);
      tokens.push({ kind: 'op', value: op, col });
      i += op.length;
    }
  }
  tokens.push({ kind: 'end', value: '', col: src.length + 1 });
  return tokens;
}

const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
};

/** A quoted string from `start`: Go-style escapes in '...' and "...", none in `...`. */
function readString(src: string, start: number): { value: string; end: number } {
  const quote = src[start]!;
  let value = '';
  let i = start + 1;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === quote) return { value, end: i + 1 };
    if (ch === '\\' && quote !== '`') {
      const e = src[i + 1] ?? '';
      if (e in ESCAPES) {
        value += ESCAPES[e];
        i += 2;
        continue;
      }
      const hex = /^(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})/.exec(src.slice(i + 1));
      if (!hex) throw new ExprError(`invalid escape "\\${e}" in a string at column ${i + 1}`);
      value += String.fromCodePoint(parseInt(hex[0].slice(1), 16));
      i += 1 + hex[0].length;
      continue;
    }
    value += ch;
    i++;
  }
  throw new ExprError(`unclosed string at column ${start + 1}`);
}
