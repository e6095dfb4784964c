/**
 * The frames of a run, in a ring of fixed capacity: the newest `capacity` frames stay, older
 * ones are dropped and counted (the inspector says so). Frames are addressed by a sequence
 * number that never changes (0 for the first frame of the run), so a filtered view can
 * keep its list of sequence numbers across evictions.
 */
import type { FrameRecord } from '../shared/run-events.ts';

export const FRAME_CAPACITY = 100_000;

export class FrameBuffer {
  private readonly ring: (FrameRecord | undefined)[];
  /** Sequence number the next frame gets (= frames ever pushed). */
  private nextSeq = 0;
  /** Increases on clear(), so views know their sequence numbers mean other frames now. */
  generation = 0;

  /** `firstSeq`: the sequence number the first frame pushed gets (see compacted()). */
  constructor(
    readonly capacity: number = FRAME_CAPACITY,
    firstSeq = 0,
  ) {
    this.ring = new Array(capacity);
    this.nextSeq = firstSeq;
  }

  push(frames: readonly FrameRecord[]): void {
    for (const frame of frames) {
      this.ring[this.nextSeq % this.capacity] = frame;
      this.nextSeq++;
    }
  }

  /** Sequence number of the oldest frame still held. */
  get firstSeq(): number {
    return Math.max(0, this.nextSeq - this.capacity);
  }

  get endSeq(): number {
    return this.nextSeq;
  }

  get length(): number {
    return this.nextSeq - this.firstSeq;
  }

  /** Frames pushed and no longer held. */
  get dropped(): number {
    return this.firstSeq;
  }

  /** The frame with sequence number `seq`, or undefined once it was dropped. */
  bySeq(seq: number): FrameRecord | undefined {
    if (seq < this.firstSeq || seq >= this.nextSeq) return undefined;
    return this.ring[seq % this.capacity];
  }

  /** Every frame still held, oldest first. */
  *held(): Generator<FrameRecord> {
    for (let seq = this.firstSeq; seq < this.nextSeq; seq++) yield this.ring[seq % this.capacity]!;
  }

  /**
   * The same frames (and the same count of dropped ones) in a buffer just big enough: a run
   * kept in the inspector's history needs no room to grow.
   */
  compacted(): FrameBuffer {
    const copy = new FrameBuffer(Math.max(1, this.length), this.firstSeq);
    copy.push([...this.held()]);
    return copy;
  }

  clear(): void {
    this.ring.fill(undefined);
    this.nextSeq = 0;
    this.generation++;
  }
}
