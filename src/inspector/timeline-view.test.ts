import { describe, expect, it } from 'vitest';
import { TimelineView, type TimelineRow, type TimelineSource } from './timeline-view.ts';
import { FrameBuffer } from './frame-buffer.ts';
import { MessageBuffer } from './message-buffer.ts';
import { NO_FILTER, type FrameFilter } from './frame-view.ts';
import type { FrameRecord, MessageRecord } from '../shared/run-events.ts';

const frame = (time: number, preview = `f${time}`, connectionId = 1): FrameRecord => ({
  connectionId,
  direction: 'in',
  kind: 'text',
  size: 1,
  time,
  preview,
});

const message = (time: number, topic = `m${time}`): MessageRecord => ({
  kind: 'send',
  from: '{app:processes|0x00001}',
  to: '{app:processes|0x00002}',
  topic,
  preview: '',
  time,
});

const label = (row: TimelineRow | undefined) =>
  row?.kind === 'frame' ? row.frame.preview : row?.kind === 'message' ? row.message.topic : '?';

function rows(view: TimelineView): string {
  view.refresh();
  return Array.from({ length: view.length }, (_, i) => label(view.at(i))).join(' ');
}

function setup(source: TimelineSource = 'all', filter: FrameFilter = NO_FILTER, capacity = 100) {
  const frames = new FrameBuffer(capacity);
  const messages = new MessageBuffer(capacity);
  return { frames, messages, view: new TimelineView(frames, messages, filter, source) };
}

describe('TimelineView', () => {
  it('merges frames and messages by time, and follows what comes later', () => {
    const { frames, messages, view } = setup();
    frames.push([frame(1), frame(3)]);
    messages.push([message(2)]);
    expect(rows(view)).toBe('f1 m2 f3');
    frames.push([frame(5)]);
    messages.push([message(4), message(6)]);
    expect(rows(view)).toBe('f1 m2 f3 m4 f5 m6');
    expect([view.frameCount, view.messageCount]).toEqual([3, 3]);
  });

  it('shows frames only or messages only', () => {
    const frames = setup('frames');
    frames.frames.push([frame(1)]);
    frames.messages.push([message(2)]);
    expect(rows(frames.view)).toBe('f1');
    const messages = setup('messages');
    messages.frames.push([frame(1)]);
    messages.messages.push([message(2)]);
    expect(rows(messages.view)).toBe('m2');
  });

  it('filters frames by their filter and both by the text', () => {
    const { frames, messages, view } = setup('all', { ...NO_FILTER, text: 'ECHO' });
    frames.push([frame(1, 'echo hello'), frame(2, 'other')]);
    messages.push([message(3, 'echo'), message(4, 'ask')]);
    expect(rows(view)).toBe('echo hello echo');
    const byConnection = setup('all', { ...NO_FILTER, connectionId: 2 });
    byConnection.frames.push([frame(1, 'a', 1), frame(2, 'b', 2)]);
    byConnection.messages.push([message(3)]);
    expect(rows(byConnection.view)).toBe('b m3');
  });

  it('stays in time order after the buffers drop their oldest records', () => {
    const { frames, messages, view } = setup('all', NO_FILTER, 4);
    frames.push([1, 3, 5, 7].map((t) => frame(t)));
    messages.push([message(2), message(6)]);
    expect(rows(view)).toBe('f1 m2 f3 f5 m6 f7');
    frames.push([frame(9), frame(11)]); // f1 and f3 dropped
    messages.push([10, 12, 14, 16].map((t) => message(t))); // six of four: m2, m6 cut
    expect(rows(view)).toBe('f5 f7 f9 m10 f11 m12 m14 m16');
  });
});
