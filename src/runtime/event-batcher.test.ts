import { describe, expect, it, vi } from 'vitest';
import { EventBatcher, MAX_BATCH_RECORDS } from './event-batcher.ts';
import type { EventBatch } from './event-batcher.ts';
import type { FrameRecord, ProcessInfo } from '../shared/run-events.ts';

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

  it('keeps the latest state of each process and every message, in order', () => {
    const batches: EventBatch[] = [];
    const batcher = new EventBatcher((b) => batches.push(b));
    const info = (pid: string, state: ProcessInfo['state']): ProcessInfo => ({
      pid,
      entryId: 'app:worker',
      host: 'app:processes',
      state,
      queue: 0,
      links: [],
      monitors: [],
      startedAt: 0,
    });
    // Called apart from the batcher, as the node may hold the observer's function.
    const { process } = batcher;
    process(info('{app:processes|0x00001}', 'running'));
    process(info('{app:processes|0x00002}', 'running'));
    process(info('{app:processes|0x00001}', 'exited'));
    for (const topic of ['a', 'b'])
      batcher.message({ kind: 'send', from: 'x', to: 'y', topic, preview: '', time: 0 });
    batcher.flush();
    expect(batches).toHaveLength(1);
    expect(batches[0]!.processes.map((p) => [p.pid, p.state])).toEqual([
      ['{app:processes|0x00001}', 'exited'],
      ['{app:processes|0x00002}', 'running'],
    ]);
    expect(batches[0]!.messages.map((m) => m.topic)).toEqual(['a', 'b']);
    batcher.flush();
    expect(batches).toHaveLength(1); // nothing new: no empty batch
  });

  it('sends the latest list of terminal readers, only when it changed', () => {
    const batches: EventBatch[] = [];
    const batcher = new EventBatcher((b) => batches.push(b));
    const { readers } = batcher;
    const main = { pid: '{app:terminal|0x00001}', entryId: 'app:main' };
    readers([main]);
    readers([]);
    readers([main]);
    batcher.flush();
    expect(batches.map((b) => b.readers)).toEqual([[main]]);
    batcher.output({ stream: 'stdout', text: 'x', time: 0 });
    batcher.flush();
    expect(batches[1]!.readers).toBeUndefined();
    readers([]);
    batcher.flush();
    expect(batches[2]!.readers).toEqual([]);
  });
});
