/**
 * A filtered view over a FrameBuffer, kept up to date incrementally: each refresh looks only
 * at frames pushed since the last one and drops the sequence numbers the buffer evicted, so
 * a filter over 100k frames costs O(new frames) per update, not O(all frames).
 */
import type { FrameKind, FrameRecord } from '../shared/run-events.ts';
import type { FrameBuffer } from './frame-buffer.ts';

export interface FrameFilter {
  /** null = every connection. */
  connectionId: number | null;
  direction: 'all' | 'in' | 'out';
  kind: 'all' | FrameKind;
  /** Case-insensitive substring of the preview; '' = any. */
  text: string;
}

export const NO_FILTER: FrameFilter = {
  connectionId: null,
  direction: 'all',
  kind: 'all',
  text: '',
};

export function isFilterEmpty(f: FrameFilter): boolean {
  return f.connectionId === null && f.direction === 'all' && f.kind === 'all' && f.text === '';
}

export function matches(frame: FrameRecord, f: FrameFilter, needle: string): boolean {
  return (
    (f.connectionId === null || frame.connectionId === f.connectionId) &&
    (f.direction === 'all' || frame.direction === f.direction) &&
    (f.kind === 'all' || frame.kind === f.kind) &&
    (needle === '' || frame.preview.toLowerCase().includes(needle))
  );
}

export class FrameView {
  private seqs: number[] = [];
  /** Index in `seqs` of the first sequence number still in the buffer. */
  private head = 0;
  private scannedTo = 0;
  private generation: number;
  private readonly needle: string;

  constructor(
    private readonly buffer: FrameBuffer,
    readonly filter: FrameFilter,
  ) {
    this.needle = filter.text.toLowerCase();
    this.generation = buffer.generation;
  }

  /** Bring the view up to date with the buffer. */
  refresh(): void {
    const { buffer } = this;
    if (buffer.generation !== this.generation) {
      // The buffer was cleared (a new run): start over.
      this.generation = buffer.generation;
      this.seqs = [];
      this.head = 0;
      this.scannedTo = 0;
    }
    const identity = isFilterEmpty(this.filter);
    for (let seq = Math.max(this.scannedTo, buffer.firstSeq); seq < buffer.endSeq; seq++) {
      if (identity || matches(buffer.bySeq(seq)!, this.filter, this.needle)) this.seqs.push(seq);
    }
    this.scannedTo = buffer.endSeq;
    while (this.head < this.seqs.length && this.seqs[this.head] < buffer.firstSeq) this.head++;
    if (this.head > 4096 && this.head > this.seqs.length / 2) {
      this.seqs = this.seqs.slice(this.head);
      this.head = 0;
    }
  }

  get length(): number {
    return this.seqs.length - this.head;
  }

  at(index: number): FrameRecord | undefined {
    return this.buffer.bySeq(this.seqs[this.head + index]);
  }
}
