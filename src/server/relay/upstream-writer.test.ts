import { describe, expect, it, vi } from 'vitest';
import type WebSocket from 'ws';
import {
  UPSTREAM_HIGH,
  UPSTREAM_LOW,
  UpstreamWriter,
  upstreamFrameCost,
} from './upstream-writer.ts';
import { MemoryBudget, SessionMemory } from './memory-budget.ts';
import { FRAME_BINARY, FRAME_PING } from '../../shared/relay-protocol.ts';
import type { DataRecord } from '../../shared/relay-protocol.ts';

/** An upstream whose writes complete when the test says so, as a socket that does not drain. */
function fakeUpstream(extensions = '') {
  const sent: { kind: string; data: Uint8Array; done: () => void }[] = [];
  const upstream = {
    extensions,
    bufferedAmount: 0, // what ws would report: payload bytes only, ignored on purpose
    terminated: false,
    send(data: Uint8Array, _opts: unknown, cb: () => void) {
      sent.push({ kind: 'send', data, done: cb });
    },
    ping(data: Uint8Array, _mask: unknown, cb: () => void) {
      sent.push({ kind: 'ping', data, done: cb });
    },
    terminate() {
      upstream.terminated = true;
    },
  };
  /** The socket takes the oldest `n` writes. */
  const drain = (n = sent.length) => {
    for (const w of sent.splice(0, n)) w.done();
  };
  return { upstream, sent, drain };
}

function setup(extensions = '', budgetBytes = 64 * 1024 * 1024) {
  const fake = fakeUpstream(extensions);
  const page = {
    paused: false,
    pause: () => (page.paused = true),
    resume: () => (page.paused = false),
  };
  const budget = new MemoryBudget(budgetBytes);
  const overflows: string[] = [];
  const writer = new UpstreamWriter(
    page,
    fake.upstream as unknown as WebSocket,
    new SessionMemory(budget),
    (reason) => overflows.push(reason),
  );
  return { ...fake, page, budget, overflows, writer };
}

const empty = (kind: DataRecord['kind'] = FRAME_PING): DataRecord => ({
  kind,
  data: new Uint8Array(0),
});
/** Empty frames that pass the pause point: charged per frame, though they carry no payload. */
const PAST_HIGH = Math.floor(UPSTREAM_HIGH / upstreamFrameCost(0)) + 1;

describe('UpstreamWriter', () => {
  it('charges each frame its overhead, so empty pings pause the page at the bound', () => {
    const { writer, page, budget, sent } = setup();
    for (let i = 0; i < PAST_HIGH - 1; i++) writer.write(empty());
    expect(page.paused).toBe(false);
    writer.write(empty());
    expect(page.paused).toBe(true);
    expect(sent).toHaveLength(PAST_HIGH);
    expect(budget.usedBytes).toBe(PAST_HIGH * upstreamFrameCost(0));
    expect(writer.heldCost).toBeGreaterThan(UPSTREAM_HIGH);
  });

  it('keeps what comes after the pause in its backlog, and sends it in order once the upstream drains', () => {
    const { writer, page, sent, drain } = setup();
    for (let i = 0; i < PAST_HIGH; i++) writer.write(empty());
    // The rest of the socket read that passed the bound: not handed to ws.
    writer.write({ kind: FRAME_BINARY, data: new Uint8Array([1]) });
    writer.write({ kind: FRAME_BINARY, data: new Uint8Array([2]) });
    expect(sent).toHaveLength(PAST_HIGH);
    expect(writer.backlogRecords).toBe(2);
    // Above the low mark the page stays paused and the backlog waits.
    drain(PAST_HIGH - Math.floor(UPSTREAM_LOW / upstreamFrameCost(0)) - 1);
    expect(writer.backlogRecords).toBe(2);
    // Below it the backlog goes out first, in order, then the page is read again.
    drain();
    expect(sent.map((w) => [w.kind, [...w.data]])).toEqual([
      ['send', [1]],
      ['send', [2]],
    ]);
    expect(page.paused).toBe(false);
  });

  it('sends the page close after the records before it, and gives a stuck close a bound', () => {
    vi.useFakeTimers();
    try {
      const { writer, upstream, sent, drain } = setup();
      for (let i = 0; i < PAST_HIGH; i++) writer.write(empty());
      writer.write(empty(FRAME_BINARY));
      let closed = false;
      writer.closeAfterWrites(() => (closed = true));
      expect(closed).toBe(false);
      drain();
      expect(sent.map((w) => w.kind)).toEqual(['send']); // the backlog went to ws…
      expect(closed).toBe(true); // …and the close after it
      expect(upstream.terminated).toBe(false);
      // An upstream that never drains still ends within ws's close timeout.
      const stuck = setup();
      for (let i = 0; i <= PAST_HIGH; i++) stuck.writer.write(empty());
      stuck.writer.closeAfterWrites(() => {});
      vi.advanceTimersByTime(29_999);
      expect(stuck.upstream.terminated).toBe(false);
      vi.advanceTimersByTime(1);
      expect(stuck.upstream.terminated).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('copies a record that is a view into a larger read when permessage-deflate queues it', () => {
    const read = new Uint8Array(64 * 1024);
    const plain = setup();
    plain.writer.write({ kind: FRAME_BINARY, data: read.subarray(5, 6) });
    expect(plain.sent[0]!.data.buffer).toBe(read.buffer); // ws copies it itself (masking)
    const deflating = setup('permessage-deflate');
    deflating.writer.write({ kind: FRAME_BINARY, data: read.subarray(5, 6) });
    expect(deflating.sent[0]!.data.buffer).not.toBe(read.buffer);
    expect(deflating.sent[0]!.data.byteLength).toBe(1);
  });

  it('ends the session when a frame would pass the memory budget', () => {
    const { writer, overflows, sent } = setup('', 3 * upstreamFrameCost(0));
    for (let i = 0; i < 4; i++) writer.write(empty());
    expect(sent).toHaveLength(3);
    expect(overflows).toEqual(['relay memory budget exceeded']);
  });

  it('gives everything back and reads the page again when discarded', () => {
    const { writer, page, budget, drain } = setup();
    for (let i = 0; i < PAST_HIGH + 100; i++) writer.write(empty());
    writer.discard();
    expect(page.paused).toBe(false);
    drain(); // late write callbacks change nothing
    expect(budget.usedBytes).toBe(0);
  });
});
