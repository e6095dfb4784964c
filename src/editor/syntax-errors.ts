/**
 * Where a Lua syntax error belongs in the editor. Lua names the line of the token it stopped
 * at (`main.lua:9: 'end' expected (to close 'function' at line 2) near <eof>`): for a missing
 * `end` that is the end of the file, often the empty line after the last one, which is why a
 * run's marker used to land a line below the code. The mark goes on the last line that has
 * code when Lua stopped at the end, and a second mark names the opening token's line.
 */

export interface SyntaxMark {
  /** 1-based line of the error, inside the document. */
  line: number;
  message: string;
  /** The line of the `function`/`if`/`do`/… that the error says is unclosed. */
  openLine?: number;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The marks of a Lua parser message about `source`; null when the message names no line. */
export function syntaxMarks(message: string, chunkName: string, source: string): SyntaxMark | null {
  const m = new RegExp(
    `(?:\\[string "${escapeRegExp(chunkName)}"\\]|${escapeRegExp(chunkName)}):(\\d+): (.*)$`,
    's',
  ).exec(message);
  if (!m) return null;
  const lines = source.split('\n');
  let line = Math.min(Math.max(1, Number(m[1])), lines.length);
  const text = m[2];
  if (/near <eof>$/.test(text)) line = lastCodeLine(lines, line);
  const open = /\(to close '[^']+' at line (\d+)\)/.exec(text);
  const openLine = open ? Number(open[1]) : undefined;
  return { line, message: text, openLine: openLine === line ? undefined : openLine };
}

/** The last line at or above `from` with something other than blanks. */
function lastCodeLine(lines: string[], from: number): number {
  for (let i = from; i >= 1; i--) if (lines[i - 1].trim() !== '') return i;
  return from;
}
