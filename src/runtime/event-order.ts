/**
 * One counter for everything the inspector puts on its timeline (frames, process messages):
 * many happen within one millisecond, and the timeline must still show them in the order the
 * run made them. One per worker (or Node process); only the relative order matters.
 */
let last = 0;

export function nextEventOrder(): number {
  return ++last;
}
