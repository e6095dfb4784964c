import { describe, expect, it } from 'vitest';
import {
  messagePlaces,
  timelineEntry,
  type EventStamp,
  type TimelineEntry,
} from './timeline-merge.ts';

/** The merged list spelled out: "f0 m0 f1…". */
function merged(frameTimes: number[], messageTimes: number[]): string {
  return mergedStamps(
    frameTimes.map((time) => ({ time })),
    messageTimes.map((time) => ({ time })),
  );
}

function mergedStamps(frameStamps: EventStamp[], messageStamps: EventStamp[]): string {
  const places = messagePlaces(frameStamps.length, (i) => frameStamps[i]!, messageStamps);
  const total = frameStamps.length + messageStamps.length;
  return Array.from({ length: total }, (_, i) => {
    const entry: TimelineEntry = timelineEntry(i, places);
    return `${entry.kind === 'frame' ? 'f' : 'm'}${entry.index}`;
  }).join(' ');
}

describe('the timeline merge', () => {
  it('interleaves messages with frames by time', () => {
    expect(merged([10, 20, 30], [5, 15, 25, 35])).toBe('m0 f0 m1 f1 m2 f2 m3');
  });

  it('puts frames first on equal times and keeps both orders', () => {
    expect(merged([10, 10, 20], [10, 10])).toBe('f0 f1 m0 m1 f2');
  });

  it('orders a frame and a message of the same millisecond by the event order', () => {
    const frames = [
      { time: 10, order: 1 },
      { time: 10, order: 4 },
      { time: 11, order: 5 },
    ];
    expect(
      mergedStamps(frames, [
        { time: 10, order: 2 },
        { time: 10, order: 3 },
      ]),
    ).toBe('f0 m0 m1 f1 f2');
  });

  it('is the frames alone, or the messages alone, when the other list is empty', () => {
    expect(merged([1, 2, 3], [])).toBe('f0 f1 f2');
    expect(merged([], [1, 2])).toBe('m0 m1');
    expect(merged([], [])).toBe('');
  });

  it('keeps the messages in their order when a time steps back', () => {
    // A message stamped before the one sent ahead of it still follows it.
    expect(merged([10, 20, 30], [25, 15])).toBe('f0 f1 m0 m1 f2');
    // Frames out of order (an imported file): each is still shown once.
    expect(merged([10, 30, 20, 40], [25])).toBe('f0 f1 f2 m0 f3');
  });

  it('finds every row of a large list by search, each once', () => {
    const frames = Array.from({ length: 100_000 }, (_, i) => i);
    const messages = Array.from({ length: 2_000 }, (_, j) => j * 50 + 0.5);
    const places = messagePlaces(
      frames.length,
      (i) => ({ time: frames[i]! }),
      messages.map((time) => ({ time })),
    );
    const seen = { frame: new Set<number>(), message: new Set<number>() };
    let lastTime = -Infinity;
    for (let i = 0; i < frames.length + messages.length; i++) {
      const entry = timelineEntry(i, places);
      seen[entry.kind].add(entry.index);
      const time = entry.kind === 'frame' ? frames[entry.index]! : messages[entry.index]!;
      expect(time).toBeGreaterThanOrEqual(lastTime);
      lastTime = time;
    }
    expect(seen.frame.size).toBe(frames.length);
    expect(seen.message.size).toBe(messages.length);
  });
});
