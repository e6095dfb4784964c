/**
 * The relay's queue towards one page: flow control (a byte window of credits the page
 * replenishes with acks) and batching (records that arrive while a frame is being written go
 * out together in one batch frame).
 *
 *   upstream ──enqueue──▶ [pending] ──flush (window allows, no write in progress)──▶ page
 *                             │ pendingCost > HIGH: pressure(true)  -> upstream.pause()
 *                             │ pendingCost < LOW : pressure(false) -> upstream.resume()
 *
 * Memory: queued records are packed (record-backlog.ts), and the slabs that hold them and the
 * frame being written are charged to the session's share of the relay's memory budget. The
 * queue has a hard limit in cost units, `PENDING_HIGH + readLimit` (at least 4 MiB past the
 * pause point, see QUEUE_SLACK):
 * after the upstream is paused, `ws` still delivers what it had already read (and inflated),
 * but a peer that sends past the limit has broken flow control, and the session ends with
 * 1008 instead of the relay holding more (see docs/relay.md, "Memory bounds").
 */
import type WebSocket from 'ws';
import {
  BATCH_RECORD_HEADER,
  encodeBatch,
  encodeFrame,
  messageCost,
} from '../../shared/relay-protocol.ts';
import type { DataRecord, RecordKind } from '../../shared/relay-protocol.ts';
import type { SessionMemory } from './memory-budget.ts';
import { RecordBacklog } from './record-backlog.ts';

/** Queue sizes (in cost bytes) at which the upstream is paused and resumed. */
export const PENDING_HIGH = 256 * 1024;
export const PENDING_LOW = 64 * 1024;
/** A batch frame holds at most this many payload bytes (a single bigger message goes alone). */
export const BATCH_MAX_BYTES = 256 * 1024;

/**
 * Room past the pause point for what `ws` had already read, whatever the read_limit: with
 * compression, one 64 KiB read of small messages can inflate to a few MiB of honest traffic
 * (64× takes a bomb), and a script with a small read_limit must not lose its connection to it.
 */
export const QUEUE_SLACK = 4 * 1024 * 1024;

/** The most a queue may hold: the pause point plus the slack or one largest message. */
export function queueLimit(readLimit: number): number {
  return PENDING_HIGH + messageCost(Math.max(readLimit, QUEUE_SLACK));
}

export interface PageSenderOptions {
  window: number;
  /** Largest upstream message (its read_limit); sets the queue's hard limit. */
  readLimit: number;
  memory: SessionMemory;
  /** true: stop reading the upstream; false: read again. */
  pressure(on: boolean): void;
  /** Called once the final message (see finish) has been handed to the page socket. */
  finished(): void;
  /** The queue or the relay's budget would be exceeded: everything queued is dropped. */
  overflow(reason: string): void;
}

export class PageSender {
  /** Cost of records queued here, not yet written to the page. */
  pendingCost = 0;
  /** Cost written to the page and not yet acknowledged. */
  inFlight = 0;
  /** The largest pendingCost ever reached (tests and stats: proves the bound holds). */
  maxPendingCost = 0;
  readonly window: number;
  readonly limit: number;
  private readonly queue: RecordBacklog;
  private writing = false;
  /** Bytes of the frame being written (still charged to the budget until written). */
  private writingBytes = 0;
  private pressured = false;
  private finalText?: string;
  private closed = false;

  constructor(
    private readonly page: WebSocket,
    private readonly options: PageSenderOptions,
  ) {
    this.window = options.window;
    this.limit = queueLimit(options.readLimit);
    this.queue = new RecordBacklog(options.memory);
  }

  get queuedRecords(): number {
    return this.queue.length;
  }

  enqueue(kind: RecordKind, data: Uint8Array): void {
    if (this.closed || this.finalText !== undefined) return;
    const cost = messageCost(data.byteLength);
    if (this.pendingCost + cost > this.limit) {
      return this.overflow(
        `relay buffer limit: the page is not reading (${this.limit} bytes queued)`,
      );
    }
    if (!this.queue.push(kind, data)) return this.overflow('relay memory budget exceeded');
    this.pendingCost += cost;
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
    this.queue.clear();
    this.pendingCost = 0;
    if (this.pressured) {
      this.pressured = false;
      this.options.pressure(false);
    }
  }

  private overflow(reason: string): void {
    // Stay paused: the session is ending, and reading on would only bring more.
    this.pressured = false;
    this.discard();
    this.options.overflow(reason);
  }

  private updatePressure(): void {
    if (this.closed) return;
    if (!this.pressured && this.pendingCost > PENDING_HIGH) {
      this.pressured = true;
      this.options.pressure(true);
    } else if (this.pressured && this.pendingCost < PENDING_LOW) {
      this.pressured = false;
      this.options.pressure(false);
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
    // The frame is a copy of the records (whose slabs are let go as they are read).
    if (!this.options.memory.charge(frame.byteLength))
      return this.overflow('relay memory budget exceeded');
    this.writingBytes = frame.byteLength;
    this.writing = true;
    this.page.send(frame, { binary: true }, this.pageOnWritten);
  }

  /** The first record always goes (so a message bigger than the window still passes). */
  private takeRecords(): DataRecord[] {
    const records: DataRecord[] = [];
    let size = 1;
    let cost = 0;
    for (let next = this.queue.peekLength(); next !== undefined; next = this.queue.peekLength()) {
      const c = messageCost(next);
      const grown = size + BATCH_RECORD_HEADER + next;
      if (records.length > 0 && (grown > BATCH_MAX_BYTES || this.inFlight + cost + c > this.window))
        break;
      records.push(this.queue.shift()!);
      size = grown;
      cost += c;
    }
    return records;
  }

  private readonly pageOnWritten = (err?: Error | null): void => {
    this.writing = false;
    this.options.memory.release(this.writingBytes);
    this.writingBytes = 0;
    if (err) return; // the page socket is closing; its 'close' handler cleans up
    this.flush();
    this.updatePressure();
  };

  private sendFinal(): void {
    const text = this.finalText!;
    this.closed = true;
    this.page.send(text, () => this.options.finished());
  }
}
