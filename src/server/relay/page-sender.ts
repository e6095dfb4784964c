/**
 * The relay's queue towards one page: flow control (a byte window of credits the page
 * replenishes with acks) and batching (records that arrive while a frame is being written go
 * out together in one batch frame).
 *
 *   upstream ──enqueue──▶ [pending] ──flush (window allows, no write in progress)──▶ page
 *                             │ pendingCost > HIGH: pressure(true)  -> upstream.pause()
 *                             │ pendingCost < LOW : pressure(false) -> upstream.resume()
 *
 * Relay memory for one connection is therefore bounded by HIGH plus whatever one socket read
 * of the upstream holds, and the page never holds more than the window plus one message.
 */
import type WebSocket from 'ws';
import {
  BATCH_RECORD_HEADER,
  encodeBatch,
  encodeFrame,
  messageCost,
} from '../../shared/relay-protocol.ts';
import type { DataRecord, RecordKind } from '../../shared/relay-protocol.ts';

/** Queue sizes (in cost bytes) at which the upstream is paused and resumed. */
export const PENDING_HIGH = 256 * 1024;
export const PENDING_LOW = 64 * 1024;
/** A batch frame holds at most this many payload bytes (a single bigger message goes alone). */
export const BATCH_MAX_BYTES = 256 * 1024;

export class PageSender {
  /** Cost of records queued here, not yet written to the page. */
  pendingCost = 0;
  /** Cost written to the page and not yet acknowledged. */
  inFlight = 0;
  /** The largest pendingCost ever reached (tests and stats: proves the bound holds). */
  maxPendingCost = 0;
  private queue: DataRecord[] = [];
  private head = 0;
  private writing = false;
  private pressured = false;
  private finalText?: string;
  private closed = false;

  constructor(
    private readonly page: WebSocket,
    readonly window: number,
    /** true: stop reading the upstream; false: read again. */
    private readonly pressure: (on: boolean) => void,
    /** Called once the final message (see finish) has been handed to the page socket. */
    private readonly onFinished: () => void,
  ) {}

  get queuedRecords(): number {
    return this.queue.length - this.head;
  }

  enqueue(kind: RecordKind, data: Uint8Array): void {
    if (this.closed || this.finalText !== undefined) return;
    this.queue.push({ kind, data });
    this.pendingCost += messageCost(data.byteLength);
    if (this.pendingCost > this.maxPendingCost) this.maxPendingCost = this.pendingCost;
    this.flush();
    this.updatePressure();
  }

  /** The page handed `bytes` of cost on: it may receive that much more. */
  ack(bytes: number): void {
    // A page acknowledging more than was sent is confused, not dangerous: clamp.
    this.inFlight = Math.max(0, this.inFlight - bytes);
    this.flush();
    this.updatePressure();
  }

  /** Send `text` (a JSON control message) after everything queued, then call onFinished. */
  finish(text: string): void {
    if (this.closed || this.finalText !== undefined) return;
    this.finalText = text;
    this.flush();
  }

  /** The page is gone: drop everything and never call pressure(true) again. */
  discard(): void {
    this.closed = true;
    this.queue = [];
    this.head = 0;
    this.pendingCost = 0;
    if (this.pressured) {
      this.pressured = false;
      this.pressure(false);
    }
  }

  private updatePressure(): void {
    if (this.closed) return;
    if (!this.pressured && this.pendingCost > PENDING_HIGH) {
      this.pressured = true;
      this.pressure(true);
    } else if (this.pressured && this.pendingCost < PENDING_LOW) {
      this.pressured = false;
      this.pressure(false);
    }
  }

  private flush(): void {
    if (this.closed || this.writing) return;
    if (this.queuedRecords === 0) {
      if (this.finalText !== undefined) this.sendFinal();
      return;
    }
    if (this.inFlight >= this.window) return;
    const records = this.takeRecords();
    let cost = 0;
    for (const r of records) cost += messageCost(r.data.byteLength);
    this.pendingCost -= cost;
    this.inFlight += cost;
    const frame =
      records.length === 1 ? encodeFrame(records[0]!.kind, records[0]!.data) : encodeBatch(records);
    this.writing = true;
    this.page.send(frame, { binary: true }, this.pageOnWritten);
  }

  /** The first record always goes (so a message bigger than the window still passes). */
  private takeRecords(): DataRecord[] {
    const records: DataRecord[] = [];
    let size = 1;
    let cost = 0;
    while (this.head < this.queue.length) {
      const r = this.queue[this.head]!;
      const c = messageCost(r.data.byteLength);
      const grown = size + BATCH_RECORD_HEADER + r.data.byteLength;
      if (records.length > 0 && (grown > BATCH_MAX_BYTES || this.inFlight + cost + c > this.window))
        break;
      records.push(r);
      size = grown;
      cost += c;
      this.head++;
    }
    // Drop consumed slots now and then, so the array does not grow forever.
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    return records;
  }

  private readonly pageOnWritten = (err?: Error | null): void => {
    this.writing = false;
    if (err) return; // the page socket is closing; its 'close' handler cleans up
    this.flush();
    this.updatePressure();
  };

  private sendFinal(): void {
    const text = this.finalText!;
    this.closed = true;
    this.page.send(text, () => this.onFinished());
  }
}
