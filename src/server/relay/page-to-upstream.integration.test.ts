/**
 * The bound towards an upstream that does not read (docs/relay.md, "Memory bounds": 1 MiB
 * plus one page message, plus the rest of one socket read): a review of the M1 fix found that
 * tiny frames got around it. Empty pings or data frames were charged 0 bytes and the page was
 * paused on ws's bufferedAmount, which counts payload bytes only, so the relay read ~1.5M
 * frames and held ~47 MiB per session before it paused (126-byte pings: ~4.4 MiB). Before
 * the fix (main at 00a535f) each test here failed on its memory assertion; the real memory
 * is measured (heap + external after collection), not only what the relay charged itself.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, startRelay } from './testing.ts';
import { closeHostilePeers, hostileUpstream, pageThatFloods } from './hostile-peers.ts';
import { UPSTREAM_HIGH, upstreamFrameCost } from './upstream-writer.ts';
import { heldSince, liveBytes, settleGarbage } from '../../test-support/memory-probe.ts';
import { FRAME_BINARY, FRAME_PING } from '../../shared/relay-protocol.ts';
import { connect } from './attack-fixtures.ts';

afterEach(async () => {
  await closeHostilePeers();
  await closeAll();
});

const MiB = 1024 * 1024;
const SESSIONS = 2;
/** Beyond the bound: the sockets' own buffers, the pages' pending batch, code V8 compiled. */
const SLACK = MiB;
/** One socket read (64 KiB) of 7-byte frames, packed in the backlog: 5 bytes each, in slabs. */
const TAIL = 128 * 1024;
/** zlib's deflate state for a compressing connection: 256 KiB of window and hash, buffers. */
const DEFLATE_STATE = 320 * 1024;

/**
 * Two pages flood an upstream that never reads with `record`; returns what the relay holds
 * while the pages are still connected, and what it charged itself at most per session.
 */
async function flood(record: Uint8Array, options: { compression?: 0 | 2; count: number }) {
  const relay = await startRelay();
  const compression = options.compression ?? 0;
  const upstream = await hostileUpstream({ mode: 'noread', deflate: compression > 0 });
  const request = connect(upstream.url, { compression, compressionThreshold: 0 });
  await settleGarbage();
  const before = liveBytes();
  const results = await Promise.all(
    Array.from({ length: SESSIONS }, () =>
      pageThatFloods(relay.port, relay.endpoint.token, request, record, {
        count: options.count,
        ms: 8000,
      }),
    ),
  );
  const held = await heldSince(before);

  return { held, results, stats: relay.relay.stats() };
}

/** The bound for a session whose page messages are each `payload` bytes. */
const bound = (payload: number): number => UPSTREAM_HIGH + upstreamFrameCost(payload) + TAIL;

describe('M1 residue: tiny frames from the page towards an upstream that does not read', () => {
  it.each([
    ['empty pings', [FRAME_PING]],
    ['empty data frames', [FRAME_BINARY]],
  ])('%s are charged, pause the page, and hold the relay to its bound', async (_name, bytes) => {
    // 2,000,000 frames (14 MB) per page: the old relay read ~1.5M of them before pausing.
    const { held, results, stats } = await flood(Buffer.from(bytes), { count: 2_000_000 });
    expect(held).toBeLessThan(SESSIONS * bound(0) + SLACK);
    expect(stats.maxUpstreamCost).toBeLessThanOrEqual(UPSTREAM_HIGH + upstreamFrameCost(0));
    // The relay, not the count, ended the flood: it stopped reading the pages.
    for (const r of results) expect(r.stalled).toBe(true);
  });

  it('126-byte pings (a kind byte and the largest ping payload) hold no more', async () => {
    const ping = Buffer.alloc(126, 0x70);
    ping[0] = FRAME_PING;
    const { held, results } = await flood(ping, { count: 400_000 });
    expect(held).toBeLessThan(SESSIONS * bound(125) + SLACK);
    for (const r of results) expect(r.stalled).toBe(true);
  });

  it('1-byte data frames through permessage-deflate hold no more', async () => {
    // Compressed, every frame waits in ws's deflate queue with its arguments (~500 B each):
    // the old relay held ~400 MiB for 1M frames. 300,000 keep that run small.
    const { held, stats } = await flood(Buffer.from([FRAME_BINARY, 0x61]), {
      compression: 2,
      count: 300_000,
    });
    expect(held).toBeLessThan(SESSIONS * (bound(1) + DEFLATE_STATE) + SLACK);
    expect(stats.maxUpstreamCost).toBeLessThanOrEqual(UPSTREAM_HIGH + upstreamFrameCost(1));
  });
});
