/**
 * A small Lua tokenizer for the widget's code before anyone edits it: Monaco is most of the
 * playground's JavaScript, and a page of twenty snippets must not load it twenty times. The
 * tokens concatenate to the source exactly (nothing is lost or reordered); the frame renders
 * each as a text node, never as HTML.
 */
import { LUA_KEYWORDS } from '../editor/lua-language.ts';

export type TokenKind = 'keyword' | 'string' | 'comment' | 'number' | 'name' | 'other';

export interface Token {
  kind: TokenKind;
  text: string;
}

const KEYWORDS = new Set(LUA_KEYWORDS);
// Order matters: comments before the '-' operator, long brackets before '['.
const RULES: [TokenKind | 'long', RegExp][] = [
  ['long', /--\[(=*)\[|\[(=*)\[/y],
  ['comment', /--[^\n]*/y],
  ['string', /"(?:[^"\\\n]|\\[\s\S])*"?|'(?:[^'\\\n]|\\[\s\S])*'?/y],
  ['number', /0[xX][0-9a-fA-F.]+(?:[pP][+-]?\d+)?|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y],
  ['name', /[A-Za-z_][A-Za-z0-9_]*/y],
  ['other', /\s+|[^\sA-Za-z0-9_"'-]+|-/y],
];

export function tokenizeLua(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  const push = (kind: TokenKind, text: string) => {
    const last = tokens.at(-1);
    if (last && last.kind === kind && kind === 'other') last.text += text;
    else tokens.push({ kind, text });
  };
  while (at < source.length) {
    let matched = false;
    for (const [kind, re] of RULES) {
      re.lastIndex = at;
      const m = re.exec(source);
      if (!m || m[0] === '') continue;
      if (kind === 'long') {
        const isComment = m[0].startsWith('--');
        const close = `]${m[1] ?? m[2] ?? ''}]`;
        const end = source.indexOf(close, at + m[0].length);
        const stop = end < 0 ? source.length : end + close.length;
        push(isComment ? 'comment' : 'string', source.slice(at, stop));
        at = stop;
      } else {
        const text = m[0];
        push(kind === 'name' && KEYWORDS.has(text) ? 'keyword' : kind, text);
        at += text.length;
      }
      matched = true;
      break;
    }
    if (!matched) push('other', source[at++]!);
  }
  return tokens;
}
