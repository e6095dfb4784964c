/**
 * A widget's hidden set-up code (its prelude) runs before the shown snippet, in the same Lua
 * state. Both go to the runtime as one chunk, and the snippet's line numbers must stay the
 * ones the reader sees (errors and warnings name them): the prelude is therefore put on the
 * snippet's first line as a quoted string, loaded as its own chunk ("prelude"), with every
 * newline escaped so that no source line is added. Its globals are visible to the snippet;
 * its locals are not (it is a chunk of its own).
 */

/** `text` as a Lua double-quoted string literal on one line; bytes other than these kept. */
export function luaQuote(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\${String(code).padStart(3, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

export const PRELUDE_CHUNK_NAME = 'prelude';

/** The code a widget runs: the prelude first, then the snippet on its own line numbers. */
export function withPrelude(code: string, prelude: string): string {
  if (prelude.trim() === '') return code;
  return `assert(load(${luaQuote(prelude)}, "=${PRELUDE_CHUNK_NAME}"))(); ${code}`;
}
