/**
 * The relay's writes towards one upstream, and the backpressure they put on the page:
 *
 *   page ──write(record)──▶ reading? ──yes──▶ ws send path ──written──▶ upstream socket
 *                               │ no                 │ heldCost > HIGH: stop reading the page
 *                               ▼                    │ heldCost < LOW : backlog into ws, and
 *                          [RecordBacklog] ──────────┘                  read the page again
 *
 * Every frame handed to ws is charged its payload plus UPSTREAM_FRAME_OVERHEAD, to the
 * session's share of the memory budget and to heldCost, until ws has written it to the socket.
 * The page is paused on that charge, not on ws's `bufferedAmount`, which counts payload bytes
 * only: with empty pings or data frames (6 bytes each on the wire) a page had the relay read
 * ~1.5M frames and hold ~47 MiB before bufferedAmount reached 1 MiB. What the page had sent
 * in the same socket read still arrives after the pause; it waits in the backlog, packed,
 * until ws drains. So this direction holds at most HIGH + one page message in ws, plus the
 * rest of one socket read (< 64 KiB on the wire) in the backlog (docs/relay.md, "Memory
 * bounds").
 */
import type WebSocket from 'ws';
import { FRAME_BINARY, FRAME_PING } from '../../shared/relay-protocol.ts';
import type { DataRecord } from '../../shared/relay-protocol.ts';
import type { SessionMemory } from './memory-budget.ts';
import { RecordBacklog } from './record-backlog.ts';

/** Charged cost held for the upstream at which the relay stops reading the page, and resumes. */
export const UPSTREAM_HIGH = 1024 * 1024;
export const UPSTREAM_LOW = 256 * 1024;

/**
 * What one frame costs the relay in ws's send path beyond its payload, measured with ws 8.23
 * on Node 20 (heap + external after a full collection, 50,000 frames to a peer that does not
 * read): ~250 bytes while queued in the socket (the write request, the frame header Buffer,
 * the write callback's closure), ~400-500 with permessage-deflate (queued with its arguments
 * while an earlier frame is deflated, then two buffers per frame in the socket). About twice
 * that, since the figures move with Node's and ws's versions.
 */
export const UPSTREAM_FRAME_OVERHEAD = 1024;

/** As long as ws gives a close handshake (its closeTimeout): a close waiting behind records too. */
const CLOSE_WAIT_MS = 30_000;

export function upstreamFrameCost(payloadBytes: number): number {
  return payloadBytes + UPSTREAM_FRAME_OVERHEAD;
}

/** The page socket, as far as this writer needs it. */
export interface PausablePage {
  pause(): void;
  resume(): void;
}

export class UpstreamWriter {
  /** Cost handed to ws and not yet written to the upstream's socket. */
  heldCost = 0;
  /** The largest heldCost ever reached (tests and stats: proves the bound holds). */
  maxHeldCost = 0;
  private readonly backlog: RecordBacklog;
  private readingPage = true;
  private closed = false;
  /** The page asked to close while records waited: sent once they are handed on. */
  private pendingClose?: () => void;
  private closeTimer?: NodeJS.Timeout;
  /**
   * A page record is a view into the socket read it came in (up to 64 KiB). Without
   * compression ws copies it at once (it masks into a new buffer); permessage-deflate queues
   * the view itself, and then a tiny record per read would keep whole reads alive.
   */
  private readonly copyViews: boolean;

  /** Made once the upstream is open: its extensions are known then. */
  constructor(
    private readonly page: PausablePage,
    private readonly upstream: WebSocket,
    private readonly memory: SessionMemory,
    /** The relay's memory budget would be exceeded. */
    private readonly overflow: (reason: string) => void,
  ) {
    this.copyViews = upstream.extensions !== '';
    this.backlog = new RecordBacklog(memory);
  }

  /** Records waiting in the backlog. */
  get backlogRecords(): number {
    return this.backlog.length;
  }

  write(record: DataRecord): void {
    if (this.closed) return;
    if (this.readingPage) this.dispatch(record);
    else this.hold(record);
  }

  /** Run `close` (the page's close request) after every record the page sent before it. */
  closeAfterWrites(close: () => void): void {
    if (this.closed) return;
    if (this.backlog.length === 0) return close();
    this.pendingClose = close;
    this.closeTimer = setTimeout(this.onCloseWaitOver, CLOSE_WAIT_MS).unref();
  }

  /** The session is over: drop the backlog, and read the page again so its close frame arrives. */
  discard(): void {
    if (this.closed) return;
    this.closed = true;
    this.pendingClose = undefined;
    clearTimeout(this.closeTimer);
    this.backlog.clear();
    if (!this.readingPage) {
      this.readingPage = true;
      this.page.resume();
    }
  }

  private dispatch(record: DataRecord): boolean {
    let data = record.data;
    if (this.copyViews && data.byteLength < data.buffer.byteLength) data = Buffer.from(data);
    const cost = upstreamFrameCost(data.byteLength);
    if (!this.memory.charge(cost)) {
      this.overflow('relay memory budget exceeded');
      return false;
    }
    this.heldCost += cost;
    if (this.heldCost > this.maxHeldCost) this.maxHeldCost = this.heldCost;
    const written = (): void => this.upstreamOnWritten(cost);
    if (record.kind === FRAME_PING) this.upstream.ping(data, undefined, written);
    else this.upstream.send(data, { binary: record.kind === FRAME_BINARY }, written);
    if (this.readingPage && this.heldCost > UPSTREAM_HIGH) {
      // The upstream is slower than the page: TCP pushes back on the page from here on.
      this.readingPage = false;
      this.page.pause();
    }
    return true;
  }

  private hold(record: DataRecord): void {
    if (!this.backlog.push(record.kind, record.data)) this.overflow('relay memory budget exceeded');
  }

  private upstreamOnWritten(cost: number): void {
    this.memory.release(cost);
    this.heldCost -= cost;
    if (this.closed || this.readingPage || this.heldCost >= UPSTREAM_LOW) return;
    while (this.backlog.length > 0 && this.heldCost <= UPSTREAM_HIGH) {
      const record = this.backlog.shift()!;
      if (!this.dispatch(record)) return;
    }
    if (this.backlog.length > 0) return;
    const close = this.pendingClose;
    this.pendingClose = undefined;
    clearTimeout(this.closeTimer);
    close?.();
    if (this.heldCost < UPSTREAM_LOW && !this.closed) {
      this.readingPage = true;
      this.page.resume();
    }
  }

  /** The records before the close never drained: end the upstream as ws would have. */
  private readonly onCloseWaitOver = (): void => {
    if (this.pendingClose) this.upstream.terminate();
  };
}
