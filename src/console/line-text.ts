/**
 * The text a console line shows, the same in the playground's console and in an embedded
 * widget: what was printed, as it was printed; a warning (something the platform would
 * silently ignore) is prefixed with the script's line it points at, and in a project, where
 * a bare line would be ambiguous, with its file as an error names it (`src/lib.lua:4:`).
 */
import type { OutputEntry } from '../shared/run-events.ts';

/**
 * "warning (line 12): " for a warning of the script, "warning: src/lib.lua:4: " for one of a
 * named file, "" for every other stream.
 */
export function linePrefix(entry: Pick<OutputEntry, 'stream' | 'line' | 'chunk'>): string {
  if (entry.stream !== 'warn') return '';
  if (entry.line === undefined) return 'warning: ';
  return entry.chunk === undefined
    ? `warning (line ${entry.line}): `
    : `warning: ${entry.chunk}:${entry.line}: `;
}

export function lineText(entry: Pick<OutputEntry, 'stream' | 'line' | 'chunk' | 'text'>): string {
  return linePrefix(entry) + entry.text;
}
