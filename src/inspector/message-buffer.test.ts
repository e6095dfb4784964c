import { describe, expect, it } from 'vitest';
import { MessageBuffer } from './message-buffer.ts';
import type { MessageRecord } from '../shared/run-events.ts';

const message = (n: number, payload?: string): MessageRecord => ({
  kind: 'send',
  from: 'a',
  to: 'b',
  topic: `t${n}`,
  preview: '',
  time: n,
  ...(payload === undefined ? {} : { payload }),
});

describe('MessageBuffer', () => {
  it('keeps the newest messages up to its capacity and counts the dropped ones', () => {
    const buffer = new MessageBuffer(100);
    buffer.push(Array.from({ length: 100 }, (_, i) => message(i)));
    expect(buffer.length).toBe(100);
    expect(buffer.dropped).toBe(0);
    buffer.push(Array.from({ length: 100 }, (_, i) => message(100 + i)));
    expect(buffer.length).toBe(100);
    expect(buffer.dropped).toBe(100);
    expect(buffer.records[0]!.topic).toBe('t100');
    expect(buffer.records.at(-1)!.topic).toBe('t199');
  });

  it('counts the payload text it holds, less what it dropped', () => {
    const buffer = new MessageBuffer(4);
    buffer.push([message(0, 'x'.repeat(10)), message(1), message(2, '[1]')]);
    expect(buffer.payloadChars).toBe(13);
    buffer.push([message(3), message(4), message(5, '{}')]);
    // Six held of four: two dropped, the first payload with them.
    expect(buffer.length).toBe(4);
    expect(buffer.payloadChars).toBe(5);
  });

  it('compacts into a copy with the same messages and counts', () => {
    const buffer = new MessageBuffer(3);
    buffer.push([message(0, 'ab'), message(1), message(2), message(3), message(4)]);
    const copy = buffer.compacted();
    expect(copy.records).toEqual(buffer.records);
    expect(copy.dropped).toBe(buffer.dropped);
    expect(copy.payloadChars).toBe(buffer.payloadChars);
    buffer.push([message(5)]);
    expect(copy.records.at(-1)!.topic).toBe('t4');
  });
});
