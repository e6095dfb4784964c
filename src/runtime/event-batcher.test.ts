import { describe, expect, it, vi } from 'vitest';
import { EventBatcher, MAX_BATCH_RECORDS } from './event-batcher.ts';
import type { EventBatch } from './event-batcher.ts';
import type { FrameRecord } from '../shared/run-events.ts';

const frame = (n: number): FrameRecord => ({
  connectionId: 1,
  direction: 'in',
  kind: 'text',
  size: 1,
  time: n,
  preview: '',
});

describe('EventBatcher', () => {
  it('hands a flood over in batches of at most MAX_BATCH_RECORDS, in order, losing none', () => {
    vi.useFakeTimers();
    try {
      const batches: EventBatch[] = [];
      const batcher = new EventBatcher((b) => batches.push(b));
      const total = MAX_BATCH_RECORDS * 2 + 10;
      for (let i = 0; i < total; i++) {
        batcher.frame(frame(i), new Uint8Array([i & 0xff]));
        if (i % 3 === 0) batcher.output({ stream: 'stdout', text: `line ${i}`, time: i });
      }
      // 2,010 frames and 670 lines: two full batches at once, the rest on the timer.
      expect(batches).toHaveLength(2);
      for (const b of batches)
        expect(b.frames.length + b.output.length).toBeLessThanOrEqual(MAX_BATCH_RECORDS);
      vi.runAllTimers(); // the rest goes after FLUSH_MS
      const times = batches.flatMap((b) => b.frames.map((f) => f.time));
      expect(times).toEqual(Array.from({ length: total }, (_, i) => i));
      expect(batches.flatMap((b) => b.output).length).toBe(Math.ceil(total / 3));
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends a quiet stream once per FLUSH_MS, not per record', () => {
    vi.useFakeTimers();
    try {
      const batches: EventBatch[] = [];
      const batcher = new EventBatcher((b) => batches.push(b));
      for (let i = 0; i < 10; i++) batcher.frame(frame(i), new Uint8Array(1));
      expect(batches).toHaveLength(0);
      vi.advanceTimersByTime(40);
      expect(batches).toHaveLength(1);
      expect(batches[0]!.frames).toHaveLength(10);
    } finally {
      vi.useRealTimers();
    }
  });
});
