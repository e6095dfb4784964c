/**
 * Zip archives written byte by byte, so a test can make them lie: each entry's declared sizes
 * (local header and central directory alike) are whatever the test says, not what its data
 * inflates to. Used by the import tests (src/app/project-archive.test.ts, e2e/projects.spec.ts)
 * to build zip bombs whose directory looks harmless.
 */
import { Deflate } from 'fflate';

export interface CraftedEntry {
  name: string;
  /** The entry's data as stored: raw deflate for method 8, the bytes themselves for 0. */
  data: Uint8Array;
  method: 0 | 8;
  /** The uncompressed size both headers declare. */
  declaredSize: number;
}

/** `length` bytes of `fill`, deflated a MiB at a time (the input never exists whole). */
export function deflatedRun(length: number, fill = 0x2d): Uint8Array {
  const parts: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (chunk) => parts.push(chunk));
  const slice = new Uint8Array(1024 * 1024).fill(fill);
  for (let left = length; left > 0; left -= slice.length)
    deflate.push(left >= slice.length ? slice : slice.subarray(0, left), left <= slice.length);
  return concat(parts);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** A zip archive of `entries` in order (CRCs are 0: no reader here checks them). */
export function craftZip(entries: CraftedEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = new TextEncoder().encode(entry.name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true); // version needed
    local.setUint16(6, 0x0800, true); // names are UTF-8
    local.setUint16(8, entry.method, true);
    local.setUint32(18, entry.data.length, true);
    local.setUint32(22, entry.declaredSize, true);
    local.setUint16(26, name.length, true);
    const central = new DataView(new ArrayBuffer(46));
    central.setUint32(0, 0x02014b50, true);
    central.setUint16(4, 20, true);
    central.setUint16(6, 20, true);
    central.setUint16(8, 0x0800, true);
    central.setUint16(10, entry.method, true);
    central.setUint32(20, entry.data.length, true);
    central.setUint32(24, entry.declaredSize, true);
    central.setUint16(28, name.length, true);
    central.setUint32(42, offset, true);
    locals.push(new Uint8Array(local.buffer), name, entry.data);
    centrals.push(new Uint8Array(central.buffer), name);
    offset += 30 + name.length + entry.data.length;
  }
  const directory = concat(centrals);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, directory.length, true);
  end.setUint32(16, offset, true);
  return concat([...locals, directory, new Uint8Array(end.buffer)]);
}
