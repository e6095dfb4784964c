/**
 * "Show line N in the editor", from anywhere on the page (a traceback location in the console,
 * a warning's line) to the editor, which puts its cursor there. A plain event target: the two
 * sides need not know each other, and no editor listening simply means nothing moves.
 */
const REVEAL = 'reveal-line';
const target = new EventTarget();

export function revealLine(line: number): void {
  if (!Number.isInteger(line) || line < 1) return;
  target.dispatchEvent(new CustomEvent<number>(REVEAL, { detail: line }));
}

/** Listen for reveal requests; returns the unsubscribe. */
export function onRevealLine(listener: (line: number) => void): () => void {
  const handle = (event: Event) => listener((event as CustomEvent<number>).detail);
  target.addEventListener(REVEAL, handle);
  return () => target.removeEventListener(REVEAL, handle);
}
