/**
 * What the inspector's timeline shows: the frames that pass the frame filter (frame-view.ts)
 * and the process messages that pass the text filter, merged by time (timeline-merge.ts), or
 * only one of the two (`source`). Kept up to date per store version: the frame view and the
 * message filter look only at what is new, and the merge is redone only when either changed.
 */
import type { FrameRecord, MessageRecord } from '../shared/run-events.ts';
import type { FrameBuffer } from './frame-buffer.ts';
import { FrameView, type FrameFilter } from './frame-view.ts';
import type { MessageBuffer } from './message-buffer.ts';
import { messagePlaces, timelineEntry } from './timeline-merge.ts';

/** Frames and messages, frames only, or messages only. */
export type TimelineSource = 'all' | 'frames' | 'messages';

export type TimelineRow =
  { kind: 'frame'; frame: FrameRecord } | { kind: 'message'; message: MessageRecord };

/** A message row's searchable text: kind, pids, topic and payload preview. */
export function messageMatches(message: MessageRecord, needle: string): boolean {
  if (needle === '') return true;
  return `${message.kind} ${message.from} ${message.to} ${message.topic} ${message.preview}`
    .toLowerCase()
    .includes(needle);
}

export class TimelineView {
  private readonly frameView: FrameView;
  private readonly needle: string;
  private shownMessages: MessageRecord[] = [];
  /** The message list last scanned (a cut makes a new one) and how far. */
  private scannedList: readonly MessageRecord[] | null = null;
  private scannedTo = 0;
  private places: number[] = [];
  private mergedKey = '';

  constructor(
    private readonly frames: FrameBuffer,
    private readonly messages: MessageBuffer,
    filter: FrameFilter,
    readonly source: TimelineSource,
  ) {
    this.frameView = new FrameView(frames, filter);
    this.needle = filter.text.toLowerCase();
  }

  /** Bring the view up to date with the buffers. */
  refresh(): void {
    if (this.source !== 'messages') this.frameView.refresh();
    if (this.source !== 'frames') this.refreshMessages();
    const frames = this.frameCount;
    // What the merge depends on: the frames shown (and which: the buffer's window), the messages.
    const { firstSeq, endSeq } = this.frames;
    const key = `${frames} ${firstSeq} ${endSeq} ${this.messageCount} ${this.messages.dropped}`;
    if (key === this.mergedKey) return;
    this.mergedKey = key;
    const shown = this.shownMessages;
    this.places =
      this.source === 'all'
        ? messagePlaces(frames, (i) => this.frameView.at(i)!, shown)
        : shown.map((_, j) => j);
  }

  /** Frames shown. */
  get frameCount(): number {
    return this.source === 'messages' ? 0 : this.frameView.length;
  }

  /** Messages shown. */
  get messageCount(): number {
    return this.source === 'frames' ? 0 : this.shownMessages.length;
  }

  get length(): number {
    return this.frameCount + this.messageCount;
  }

  at(index: number): TimelineRow | undefined {
    if (index < 0 || index >= this.length) return undefined;
    const entry = timelineEntry(index, this.source === 'frames' ? [] : this.places);
    if (entry.kind === 'message') {
      const message = this.shownMessages[entry.index];
      return message && { kind: 'message', message };
    }
    const frame = this.frameView.at(entry.index);
    return frame && { kind: 'frame', frame };
  }

  private refreshMessages(): void {
    const list = this.messages.records;
    if (list !== this.scannedList) {
      // Older messages were cut (or another buffer): filter again from the start.
      this.scannedList = list;
      this.scannedTo = 0;
      this.shownMessages = [];
    }
    for (let i = this.scannedTo; i < list.length; i++)
      if (messageMatches(list[i]!, this.needle)) this.shownMessages.push(list[i]!);
    this.scannedTo = list.length;
  }
}
