/**
 * Records queued in the relay, packed: each costs its payload plus a 5-byte header, in slabs.
 * Kept as objects they cost far more than their payload when they are small: towards the
 * page, a record and ws's Buffer view of the socket read, 55-175 bytes each (a page that stops
 * reading a flood of 1-byte messages held 5x what its queue was charged); towards the
 * upstream, a ws frame of ~250-500 bytes (UPSTREAM_FRAME_OVERHEAD) for each of the ~9,000
 * empty frames of 7 bytes that the rest of one socket read can hold after the page is paused.
 *
 *   push ──▶ [slab: kind u8 | length u32 BE | payload | kind | length | payload …] [slab …] ──▶ shift
 *
 * What a record shift()s out is a view into its slab; a slab is dropped once read to its end.
 * Every slab is charged to `memory` (the session's share of the relay's budget) while held.
 */
import type { DataRecord, RecordKind } from '../../shared/relay-protocol.ts';

/** Slab size: a few per socket read, so that unused tails stay small. */
export const SLAB_BYTES = 16 * 1024;
const HEADER = 5;

interface Slab {
  bytes: Buffer;
  /** Where the next record is read. */
  start: number;
  /** Where the next record is written. */
  end: number;
}

/** Where slabs are charged: the session's share of the memory budget (memory-budget.ts). */
export interface SlabMemory {
  charge(bytes: number): boolean;
  release(bytes: number): void;
}

const UNCHARGED: SlabMemory = { charge: () => true, release: () => {} };

export class RecordBacklog {
  private readonly slabs: Slab[] = [];
  private count = 0;
  /** Bytes of every slab held now: what `memory` is charged for. */
  allocatedBytes = 0;

  constructor(private readonly memory: SlabMemory = UNCHARGED) {}

  get length(): number {
    return this.count;
  }

  /** The bytes push() would allocate for a record of `payloadBytes` (0: it fits the last slab). */
  growthFor(payloadBytes: number): number {
    const need = HEADER + payloadBytes;
    const last = this.slabs.at(-1);
    if (last && last.end + need <= last.bytes.length) return 0;
    return Math.max(SLAB_BYTES, need);
  }

  /** Keep a copy of the record; false (and nothing kept) when `memory` refuses a new slab. */
  push(kind: RecordKind, data: Uint8Array): boolean {
    const grow = this.growthFor(data.byteLength);
    if (grow > 0) {
      if (!this.memory.charge(grow)) return false;
      // Not pooled: a pooled slab would keep the shared pool alive with it.
      this.slabs.push({ bytes: Buffer.allocUnsafeSlow(grow), start: 0, end: 0 });
      this.allocatedBytes += grow;
    }
    const slab = this.slabs.at(-1)!;
    slab.bytes[slab.end] = kind;
    slab.bytes.writeUInt32BE(data.byteLength, slab.end + 1);
    slab.bytes.set(data, slab.end + HEADER);
    slab.end += HEADER + data.byteLength;
    this.count++;
    return true;
  }

  /** The payload size of the record shift() would return next, if any. */
  peekLength(): number | undefined {
    const slab = this.slabs[0];
    if (!slab || this.count === 0) return undefined;
    return slab.bytes.readUInt32BE(slab.start + 1);
  }

  shift(): DataRecord | undefined {
    const slab = this.slabs[0];
    if (!slab || this.count === 0) return undefined;
    const kind = slab.bytes[slab.start] as RecordKind;
    const length = slab.bytes.readUInt32BE(slab.start + 1);
    const from = slab.start + HEADER;
    slab.start = from + length;
    this.count--;
    // Read to its end: the next push starts a new slab.
    if (slab.start === slab.end) {
      this.slabs.shift();
      this.allocatedBytes -= slab.bytes.length;
      // The record's view may outlive this by the caller's copy of it, no longer.
      this.memory.release(slab.bytes.length);
    }
    return { kind, data: slab.bytes.subarray(from, from + length) };
  }

  /** Drop everything. */
  clear(): void {
    this.memory.release(this.allocatedBytes);
    this.slabs.length = 0;
    this.count = 0;
    this.allocatedBytes = 0;
  }
}
