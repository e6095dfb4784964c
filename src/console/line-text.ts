/**
 * The text a console line shows, the same in the playground's console and in an embedded
 * widget: what was printed, as it was printed; a warning (something the platform would
 * silently ignore) is prefixed with the script's line it points at.
 */
import type { OutputEntry } from '../shared/run-events.ts';

/** "warning (line 12): " for a warning, "" for every other stream. */
export function linePrefix(entry: Pick<OutputEntry, 'stream' | 'line'>): string {
  if (entry.stream !== 'warn') return '';
  return entry.line !== undefined ? `warning (line ${entry.line}): ` : 'warning: ';
}

export function lineText(entry: Pick<OutputEntry, 'stream' | 'line' | 'text'>): string {
  return linePrefix(entry) + entry.text;
}
