/**
 * The inspector's timeline: the frames shown and the process messages shown, in one list by
 * time. Messages are few (thousands) and frames many (up to 100,000), so the merge places each
 * message among the frames by binary search (frames come in time order) instead of walking the
 * frames: O(messages × log frames) per update, and a row is found by a binary search over the
 * messages' places. Within one millisecond the worker's event order decides.
 */

export type TimelineEntry = { kind: 'frame'; index: number } | { kind: 'message'; index: number };

/** When a frame or a message happened: its time, and its place in the worker's event order. */
export interface EventStamp {
  time: number;
  /** src/runtime/event-order.ts; absent on records from before it (an imported session). */
  order?: number;
}

/**
 * Did `frame` come before `message`? By time; within one millisecond by the worker's event
 * order, which both carry; without it, the frame first (the batcher saw it first).
 */
function frameFirst(frame: EventStamp, message: EventStamp): boolean {
  if (frame.time !== message.time) return frame.time < message.time;
  if (frame.order === undefined || message.order === undefined) return true;
  return frame.order < message.order;
}

/**
 * Where each message goes in the merged list (ascending): message j at `places[j]`. `frameAt`
 * gives the stamp of frame i (0 <= i < frameCount); `messages` are in the order they came.
 */
export function messagePlaces(
  frameCount: number,
  frameAt: (index: number) => EventStamp,
  messages: readonly EventStamp[],
): number[] {
  const places: number[] = [];
  let low = 0;
  for (let j = 0; j < messages.length; j++) {
    // Frames before it: those that came first (never fewer than before the last one).
    let lo = low;
    let hi = frameCount;
    const message = messages[j]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (frameFirst(frameAt(mid), message)) lo = mid + 1;
      else hi = mid;
    }
    low = lo;
    places.push(lo + j);
  }
  return places;
}

/** What is at `index` of the merged list whose messages sit at `places`. */
export function timelineEntry(index: number, places: readonly number[]): TimelineEntry {
  // The first message placed at or after `index`: the messages before it come before the row.
  let lo = 0;
  let hi = places.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (places[mid]! < index) lo = mid + 1;
    else hi = mid;
  }
  if (lo < places.length && places[lo] === index) return { kind: 'message', index: lo };
  return { kind: 'frame', index: index - lo };
}
