/**
 * The inspector's timeline: the frames shown and the process messages shown, in one list by
 * time. Messages are few (thousands) and frames many (up to 100,000), so the merge places each
 * message among the frames by binary search (frames come in time order) instead of walking the
 * frames: O(messages × log frames) per update, and a row is found by a binary search over the
 * messages' places. On equal times a frame comes first (it was seen first by the batcher).
 */

export type TimelineEntry = { kind: 'frame'; index: number } | { kind: 'message'; index: number };

/**
 * Where each message goes in the merged list (ascending): message j at `places[j]`. `frameTime`
 * gives the time of frame i (0 <= i < frameCount); `messageTimes` are in time order.
 */
export function messagePlaces(
  frameCount: number,
  frameTime: (index: number) => number,
  messageTimes: readonly number[],
): number[] {
  const places: number[] = [];
  let low = 0;
  for (let j = 0; j < messageTimes.length; j++) {
    // Frames before it: those with a time <= its time (never fewer than before the last one).
    let lo = low;
    let hi = frameCount;
    const time = messageTimes[j]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (frameTime(mid) <= time) lo = mid + 1;
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
