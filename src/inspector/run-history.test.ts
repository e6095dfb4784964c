import { describe, expect, it } from 'vitest';
import { RunHistory, type InspectedRun } from './run-history.ts';
import { FrameBuffer } from './frame-buffer.ts';
import { MessageBuffer } from './message-buffer.ts';
import type { FrameRecord, MessageRecord } from '../shared/run-events.ts';

const frame = (i: number): FrameRecord => ({
  connectionId: 1,
  direction: 'in',
  kind: 'text',
  size: 1,
  time: i,
  preview: String(i),
});

const message = (i: number, payload = ''): MessageRecord => ({
  kind: 'send',
  from: 'a',
  to: 'b',
  topic: 't',
  preview: '',
  time: i,
  payload,
});

function run(
  key: number,
  frames: number,
  capacity = 1000,
  messages: MessageRecord[] = [],
): InspectedRun {
  const buffer = new FrameBuffer(capacity);
  buffer.push(Array.from({ length: frames }, (_, i) => frame(i)));
  const messageBuffer = new MessageBuffer();
  messageBuffer.push(messages);
  return {
    key,
    label: `Run #${key}`,
    status: 'finished',
    startedAt: 0,
    connections: new Map(),
    frameCounts: new Map(),
    frames: buffer,
    messages: messageBuffer,
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

describe('RunHistory messages', () => {
  it('keeps each run with its messages, compacted', () => {
    const history = new RunHistory();
    history.add(run(1, 0, 1000, [message(1, '{"a": 1}'), message(2)]));
    const kept = history.find(1)!.messages;
    expect(kept.records.map((m) => m.time)).toEqual([1, 2]);
    expect(kept.capacity).toBe(2);
    expect(history.messages).toBe(2);
  });

  it("counts the past runs' messages against one run's cap, and their payload text", () => {
    const history = new RunHistory(10, 1000, 1000, 5, 20);
    const messages = (n: number, payload = '') =>
      Array.from({ length: n }, (_, i) => message(i, payload));
    history.add(run(1, 0, 1000, messages(2)));
    history.add(run(2, 0, 1000, messages(2)));
    expect(history.trim(0, 0, 1)).toBe(false);
    expect(history.trim(0, 0, 2)).toBe(true);
    expect(history.past.map((r) => r.key)).toEqual([2]);
    history.add(run(3, 0, 1000, messages(1, 'x'.repeat(15))));
    expect(history.trim(0, 0, 0, 5)).toBe(false);
    expect(history.trim(0, 0, 0, 6)).toBe(true);
    expect(history.past).toEqual([]);
    expect(history.messages).toBe(0);
  });
});
