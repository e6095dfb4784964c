/**
 * The script locations in a console text (`main.lua:12:` in an error or a traceback, also
 * `[string "main.lua"]:12:`), split out so the console can make each one a link that moves
 * the editor's cursor to that line (issue 20). A project's console knows each of its Lua
 * files (`src/lib.lua:3:10:` of a type check, `lib.lua:7:` of a traceback); other chunks'
 * locations stay text.
 */

export type TextPart = string | { text: string; line: number; chunk: string };

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function splitLocations(text: string, chunkNames: string | readonly string[]): TextPart[] {
  const names = (typeof chunkNames === 'string' ? [chunkNames] : [...chunkNames])
    .filter((name) => name !== '')
    // The longest first: `src/main.lua` is not read as `main.lua`.
    .sort((a, b) => b.length - a.length);
  if (names.length === 0) return [text];
  const chunk = names.map(escapeRegExp).join('|');
  const re = new RegExp(`(?:\\[string "(${chunk})"\\]|(?<![\\w./-])(${chunk})):(\\d+):`, 'g');
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    if (at > last) parts.push(text.slice(last, at));
    parts.push({ text: m[0], line: Number(m[3]), chunk: m[1] ?? m[2] });
    last = at + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
