import { describe, expect, it } from 'vitest';
import { FrameBuffer } from './frame-buffer.ts';
import { FrameView, NO_FILTER } from './frame-view.ts';
import type { FrameRecord } from '../shared/run-events.ts';

const frame = (i: number, over: Partial<FrameRecord> = {}): FrameRecord => ({
  connectionId: i % 2,
  direction: i % 3 === 0 ? 'out' : 'in',
  kind: 'text',
  size: 5,
  time: i,
  preview: `msg ${i}`,
  ...over,
});

describe('FrameBuffer', () => {
  it('keeps the newest frames up to its capacity and counts the dropped ones', () => {
    const buffer = new FrameBuffer(3);
    buffer.push([0, 1, 2, 3, 4].map((i) => frame(i)));
    expect(buffer.length).toBe(3);
    expect(buffer.dropped).toBe(2);
    expect(buffer.bySeq(1)).toBeUndefined();
    expect(buffer.bySeq(2)?.preview).toBe('msg 2');
    expect(buffer.bySeq(4)?.preview).toBe('msg 4');
  });
});

describe('FrameView', () => {
  it('is the whole buffer without a filter', () => {
    const buffer = new FrameBuffer(10);
    buffer.push([0, 1, 2].map((i) => frame(i)));
    const view = new FrameView(buffer, NO_FILTER);
    view.refresh();
    expect(view.length).toBe(3);
    expect(view.at(2)?.preview).toBe('msg 2');
  });

  it('filters by connection, direction and text, incrementally', () => {
    const buffer = new FrameBuffer(100);
    const view = new FrameView(buffer, {
      connectionId: 1,
      direction: 'in',
      kind: 'all',
      text: 'MSG',
    });
    buffer.push([0, 1, 2, 3, 4, 5].map((i) => frame(i)));
    view.refresh();
    expect(Array.from({ length: view.length }, (_, i) => view.at(i)!.time)).toEqual([1, 5]);
    buffer.push([7].map((i) => frame(i)));
    view.refresh();
    expect(view.length).toBe(3);
  });

  it('drops frames the buffer evicted', () => {
    const buffer = new FrameBuffer(4);
    const view = new FrameView(buffer, { ...NO_FILTER, kind: 'binary' });
    buffer.push([0, 1, 2, 3].map((i) => frame(i, { kind: i % 2 ? 'binary' : 'text' })));
    view.refresh();
    expect(view.length).toBe(2);
    buffer.push([4, 5].map((i) => frame(i, { kind: 'text' })));
    view.refresh();
    expect(view.length).toBe(1);
    expect(view.at(0)?.time).toBe(3);
  });

  it('starts over when the buffer is cleared for a new run', () => {
    const buffer = new FrameBuffer(10);
    const view = new FrameView(buffer, NO_FILTER);
    buffer.push([frame(0), frame(1)]);
    view.refresh();
    buffer.clear();
    buffer.push([frame(9), frame(10), frame(11)]);
    view.refresh();
    expect(view.length).toBe(3);
    expect(view.at(0)?.time).toBe(9);
  });
});
