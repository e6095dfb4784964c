import { describe, expect, it } from 'vitest';
import { RunHistory, type InspectedRun } from './run-history.ts';
import { FrameBuffer } from './frame-buffer.ts';
import type { FrameRecord } from '../shared/run-events.ts';

const frame = (i: number): FrameRecord => ({
  connectionId: 1,
  direction: 'in',
  kind: 'text',
  size: 1,
  time: i,
  preview: String(i),
});

function run(key: number, frames: number, capacity = 1000): InspectedRun {
  const buffer = new FrameBuffer(capacity);
  buffer.push(Array.from({ length: frames }, (_, i) => frame(i)));
  return {
    key,
    label: `Run #${key}`,
    status: 'finished',
    startedAt: 0,
    connections: new Map(),
    frameCounts: new Map(),
    frames: buffer,
  };
}

describe('RunHistory', () => {
  it('keeps at most maxRuns - 1 past runs (the current one is the last), oldest dropped first', () => {
    const history = new RunHistory(3, 1000);
    for (let key = 1; key <= 5; key++) history.add(run(key, 2));
    expect(history.past.map((r) => r.key)).toEqual([4, 5]);
    expect(history.frames).toBe(4);
    expect(history.find(5)?.label).toBe('Run #5');
    expect(history.find(1)).toBeUndefined();
  });

  it('counts the past runs against the frame cap and drops them as the current run grows', () => {
    const history = new RunHistory(10, 100);
    history.add(run(1, 40));
    history.add(run(2, 40));
    expect(history.trim(20)).toBe(false);
    expect(history.trim(21)).toBe(true);
    expect(history.past.map((r) => r.key)).toEqual([2]);
    expect(history.trim(100)).toBe(true);
    expect(history.past).toEqual([]);
    expect(history.frames).toBe(0);
  });

  it('compacts a kept run, keeping its frames and its count of dropped ones', () => {
    const history = new RunHistory(10, 1000);
    const full = run(1, 15, 10);
    history.add(full);
    const kept = history.find(1)!.frames;
    expect(kept.capacity).toBe(10);
    expect(kept.dropped).toBe(5);
    expect([...kept.held()].map((f) => f.time)).toEqual([...full.frames.held()].map((f) => f.time));
    const small = run(2, 3, 1000);
    history.add(small);
    expect(history.find(2)!.frames.capacity).toBe(3);
    expect(history.find(2)!.frames.bySeq(0)?.time).toBe(0);
  });
});

describe('RunHistory payload bytes', () => {
  it("counts the past runs' kept payloads against one run's budget", () => {
    const history = new RunHistory(10, 1000, 100);
    const withData = (key: number, bytes: number) => {
      const r = run(key, 0);
      r.frames.push([{ ...frame(0), size: bytes, data: new Uint8Array(bytes) }]);
      return r;
    };
    history.add(withData(1, 60));
    history.add(withData(2, 30));
    expect(history.dataBytes).toBe(90);
    expect(history.trim(0, 10)).toBe(false);
    expect(history.trim(0, 11)).toBe(true);
    expect(history.past.map((r) => r.key)).toEqual([2]);
    expect(history.dataBytes).toBe(30);
  });
});
