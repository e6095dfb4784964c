import { describe, expect, it } from 'vitest';
import { RecordBacklog, SLAB_BYTES } from './record-backlog.ts';
import { FRAME_BINARY, FRAME_PING, FRAME_TEXT } from '../../shared/relay-protocol.ts';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('RecordBacklog', () => {
  it('gives records back in order, kinds and payloads as they came, empty ones included', () => {
    const backlog = new RecordBacklog();
    backlog.push(FRAME_PING, bytes());
    backlog.push(FRAME_TEXT, bytes(0x68, 0x69));
    backlog.push(FRAME_BINARY, bytes(0, 255));
    expect(backlog.length).toBe(3);
    const out = [backlog.shift(), backlog.shift(), backlog.shift(), backlog.shift()];
    expect(out.map((r) => r && [r.kind, [...r.data]])).toEqual([
      [FRAME_PING, []],
      [FRAME_TEXT, [0x68, 0x69]],
      [FRAME_BINARY, [0, 255]],
      undefined,
    ]);
  });

  it('packs small records into one slab: 10,000 empty frames cost 5 bytes each', () => {
    const backlog = new RecordBacklog();
    let grown = 0;
    for (let i = 0; i < 10_000; i++) {
      grown += backlog.growthFor(0);
      backlog.push(FRAME_BINARY, bytes());
    }
    expect(backlog.allocatedBytes).toBe(grown);
    expect(backlog.allocatedBytes).toBe(Math.ceil((10_000 * 5) / SLAB_BYTES) * SLAB_BYTES);
  });

  it('copies what it keeps, so a record does not hold on to the buffer it was cut from', () => {
    const read = new Uint8Array(64 * 1024);
    read[10] = 7;
    const backlog = new RecordBacklog();
    backlog.push(FRAME_BINARY, read.subarray(10, 11));
    read[10] = 0;
    const record = backlog.shift()!;
    expect([...record.data]).toEqual([7]);
    expect(record.data.buffer).not.toBe(read.buffer);
  });

  it('gives a record larger than a slab a slab of its own, and lets slabs go once read', () => {
    const backlog = new RecordBacklog();
    backlog.push(FRAME_BINARY, new Uint8Array(SLAB_BYTES * 2));
    backlog.push(FRAME_BINARY, bytes(1));
    expect(backlog.allocatedBytes).toBe(SLAB_BYTES * 2 + 5 + SLAB_BYTES);
    expect(backlog.shift()!.data.byteLength).toBe(SLAB_BYTES * 2);
    expect(backlog.allocatedBytes).toBe(SLAB_BYTES);
    backlog.shift();
    expect(backlog.allocatedBytes).toBe(0);
    expect(backlog.length).toBe(0);
  });

  it('charges its slabs while it holds them, and keeps nothing when the charge is refused', () => {
    let held = 0;
    let limit = SLAB_BYTES;
    const memory = {
      charge: (n: number) => (held + n <= limit ? ((held += n), true) : false),
      release: (n: number) => void (held -= n),
    };
    const backlog = new RecordBacklog(memory);
    expect(backlog.push(FRAME_BINARY, bytes(1))).toBe(true);
    expect(held).toBe(SLAB_BYTES);
    // A second slab would pass the limit: refused, and the record is not kept.
    expect(backlog.push(FRAME_BINARY, new Uint8Array(SLAB_BYTES))).toBe(false);
    expect(backlog.length).toBe(1);
    limit = 4 * SLAB_BYTES;
    expect(backlog.push(FRAME_BINARY, new Uint8Array(SLAB_BYTES))).toBe(true);
    expect(held).toBe(backlog.allocatedBytes);
    backlog.shift(); // the first slab, read to its end, is let go
    expect(held).toBe(backlog.allocatedBytes);
    backlog.clear();
    expect(held).toBe(0);
  });
});
