/**
 * Round-trip times of pings: each pong received is paired with a ping sent on the same
 * connection. RFC 6455 §5.5.3 has the pong echo the ping's payload, so a pong pairs with the
 * oldest waiting ping of the same payload, else (a peer that answers with another payload, or
 * pongs that were coalesced, §5.5.3 allows answering only the latest) with the oldest waiting
 * ping. Unanswered pings are kept per connection up to a bound, oldest forgotten first.
 */
import type { FrameRecord } from '../shared/run-events.ts';

/** Pings kept waiting per connection; a peer that never answers cannot grow this. */
export const WAITING_PINGS = 64;

interface WaitingPing {
  time: number;
  payload: string;
}

export class PingPairing {
  private readonly waiting = new Map<number, WaitingPing[]>();

  /** Take in the next frame; for a pong that answers a ping, its round-trip time in ms. */
  observe(frame: FrameRecord): number | undefined {
    if (frame.kind === 'ping' && frame.direction === 'out') {
      let pings = this.waiting.get(frame.connectionId);
      if (!pings) this.waiting.set(frame.connectionId, (pings = []));
      pings.push({ time: frame.time, payload: frame.preview });
      if (pings.length > WAITING_PINGS) pings.shift();
      return undefined;
    }
    if (frame.kind === 'close' && frame.direction === 'in') {
      this.waiting.delete(frame.connectionId);
      return undefined;
    }
    if (frame.kind !== 'pong' || frame.direction !== 'in') return undefined;
    const pings = this.waiting.get(frame.connectionId);
    if (!pings?.length) return undefined;
    const same = pings.findIndex((ping) => ping.payload === frame.preview);
    const [ping] = pings.splice(same === -1 ? 0 : same, 1);
    return Math.max(0, frame.time - ping.time);
  }

  clear(): void {
    this.waiting.clear();
  }
}
