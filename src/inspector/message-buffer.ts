/**
 * The messages between a run's processes that the inspector keeps, newest last: at most
 * MESSAGE_CAPACITY (older ones are dropped and counted, as the frame buffer drops frames). The
 * payload text they carry is counted too, for the run history's bound (run-history.ts).
 */
import type { MessageRecord } from '../shared/run-events.ts';

export const MESSAGE_CAPACITY = 10_000;

export class MessageBuffer {
  private list: MessageRecord[] = [];
  /** Messages pushed and no longer held. */
  dropped = 0;
  /** Characters of payload text (MessageRecord.payload) the held messages carry. */
  payloadChars = 0;

  constructor(readonly capacity = MESSAGE_CAPACITY) {}

  /** The held messages, oldest first (a new array after a cut; it grows in place otherwise). */
  get records(): readonly MessageRecord[] {
    return this.list;
  }

  get length(): number {
    return this.list.length;
  }

  push(messages: readonly MessageRecord[]): void {
    for (const message of messages) {
      this.list.push(message);
      this.payloadChars += message.payload?.length ?? 0;
    }
    // Cut in steps of a quarter, not one by one: a cut copies the list.
    if (this.list.length > this.capacity * 1.25) this.dropOldest(this.list.length - this.capacity);
  }

  /** The same messages in a buffer that grows no more: a run kept in the history. */
  compacted(): MessageBuffer {
    const copy = new MessageBuffer(Math.max(1, this.list.length));
    copy.list = [...this.list];
    copy.dropped = this.dropped;
    copy.payloadChars = this.payloadChars;
    return copy;
  }

  private dropOldest(count: number): void {
    for (const message of this.list.slice(0, count))
      this.payloadChars -= message.payload?.length ?? 0;
    this.list = this.list.slice(count);
    this.dropped += count;
  }
}
