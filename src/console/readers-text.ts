/** What the console's input line says of the processes waiting for a line. */
import type { InputReader } from '../shared/run-events.ts';

/** "app:cli is waiting for input"; several by the first and a count; none: where a line goes. */
export function readersText(readers: readonly InputReader[]): string {
  if (readers.length === 0) return 'no process is reading now: a line waits for the next read';
  const first = readers[0]!.entryId;
  if (readers.length === 1) return `${first} is waiting for input`;
  return `${first} and ${readers.length - 1} more are waiting for input`;
}
