/**
 * The script locations in a console text (`main.lua:12:` in an error or a traceback, also
 * `[string "main.lua"]:12:`), split out so the console can make each one a link that moves
 * the editor's cursor to that line (issue 20). Other chunks' locations stay text.
 */

export type TextPart = string | { text: string; line: number };

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function splitLocations(text: string, chunkName: string): TextPart[] {
  const chunk = escapeRegExp(chunkName);
  const re = new RegExp(`(?:\\[string "${chunk}"\\]|(?<![\\w./-])${chunk}):(\\d+):`, 'g');
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    if (at > last) parts.push(text.slice(last, at));
    parts.push({ text: m[0], line: Number(m[1]) });
    last = at + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
