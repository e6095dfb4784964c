/**
 * The generated UUIDs: v1 (time and node), v4 (random) and v7 (Unix milliseconds, then
 * random), from Web Crypto's `getRandomValues`, which the browser's worker and Node both have.
 * Like google/uuid, the clock state is one per JavaScript realm (Go: one per process), so
 * every Lua state of a run shares it and ids made in one millisecond still differ and sort.
 */
import { GREGORIAN_TO_UNIX_100NS, stampVersion, type UuidBytes } from './layout.ts';

const random = (length: number) => crypto.getRandomValues(new Uint8Array(length));

export function newV4(): UuidBytes {
  return stampVersion(random(16), 4);
}

/**
 * v7 state: the last (milliseconds, 12-bit counter) handed out. google/uuid fills the 12 bits
 * with the sub-millisecond time and, when the clock has not moved on, adds one to the last
 * value; a browser's clock has no dependable sub-millisecond part, so the counter starts at 0
 * each new millisecond and an id in the same (or an earlier) millisecond takes the last + 1.
 */
let lastV7 = { ms: 0, counter: 0 };

export function newV7(now = Date.now()): UuidBytes {
  let { ms, counter } = lastV7;
  if (now > ms) {
    ms = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    ms += 1;
    counter = 0;
  }
  lastV7 = { ms, counter };
  const bytes = random(16);
  let rest = ms;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  bytes[6] = counter >> 8;
  bytes[7] = counter & 0xff;
  return stampVersion(bytes, 7);
}

/**
 * v1 state (RFC 9562 section 5.1): the node is 6 random bytes with the multicast bit set, as
 * section 6.10 asks when no MAC address can be read (a browser never can); the clock sequence
 * starts random. Time is in 100 ns since 1582, from a millisecond clock: an id whose time
 * would not be later than the last one's takes the last + 1, so ids stay unique and ordered.
 */
const node = random(6);
node[0] = node[0]! | 0x01;
const [sequenceHigh, sequenceLow] = random(2);
const clockSequence = ((sequenceHigh! << 8) | sequenceLow!) & 0x3fff;
let lastV1 = 0n;

export function newV1(now = Date.now()): UuidBytes {
  let ticks = BigInt(now) * 10_000n + GREGORIAN_TO_UNIX_100NS;
  if (ticks <= lastV1) ticks = lastV1 + 1n;
  lastV1 = ticks;
  const bytes = new Uint8Array(16);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, Number(ticks & 0xffffffffn));
  view.setUint16(4, Number((ticks >> 32n) & 0xffffn));
  view.setUint16(6, Number((ticks >> 48n) & 0x0fffn));
  view.setUint16(8, clockSequence);
  bytes.set(node, 10);
  return stampVersion(bytes, 1);
}
