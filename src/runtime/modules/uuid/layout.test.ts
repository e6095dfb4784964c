/**
 * UUID bytes against the RFC 9562 appendix A test vectors (v1, v3, v5, v6, v7 fields) and
 * google/uuid's Parse rules; the generators' layout, order and uniqueness.
 */
import { describe, expect, it } from 'vitest';
import { newV1, newV4, newV7 } from './generate.ts';
import {
  formatUuid,
  hashedUuid,
  nodeHex,
  parseUuid,
  unixSeconds,
  uuidVariant,
  uuidVersion,
} from './layout.ts';
import { md5 } from '../../digest/md5.ts';
import { sha1 } from '../../digest/sha1.ts';

const text = (s: string) => new TextEncoder().encode(s);
const parse = (s: string) => {
  const bytes = parseUuid(text(s));
  if (!bytes) throw new Error(`${s} does not parse`);
  return bytes;
};
const NAMESPACE_DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
/** RFC 9562 A.1-A.6 all encode Tuesday, February 22, 2022 2:22:22 PM GMT-05:00. */
const RFC_SECONDS = BigInt(Date.UTC(2022, 1, 22, 19, 22, 22) / 1000);

describe('RFC 9562 test vectors', () => {
  it('v3 (A.2) and v5 (A.4): DNS namespace, www.example.com', () => {
    const ns = parse(NAMESPACE_DNS);
    expect(formatUuid(hashedUuid(md5, ns, text('www.example.com'), 3))).toBe(
      '5df41881-3aed-3515-88a7-2f4a814cf09e',
    );
    expect(formatUuid(hashedUuid(sha1, ns, text('www.example.com'), 5))).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
    // Python's documented uuid3/uuid5 examples.
    expect(formatUuid(hashedUuid(md5, ns, text('python.org'), 3))).toBe(
      '6fa459ea-ee8a-3ca4-894e-db77e160355e',
    );
    expect(formatUuid(hashedUuid(sha1, ns, text('python.org'), 5))).toBe(
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    );
  });

  it('v1 (A.1): version, variant, time and node', () => {
    const id = parse('C232AB00-9414-11EC-B3C8-9F6BDECED846');
    expect(uuidVersion(id)).toBe(1);
    expect(uuidVariant(id)).toBe('RFC4122');
    expect(unixSeconds(id)).toBe(RFC_SECONDS);
    expect(nodeHex(id)).toBe('9f6bdeced846');
  });

  it('v6 (A.5) and v7 (A.6): version and variant; v7 time', () => {
    const v6 = parse('1EC9414C-232A-6B00-B3C8-9F6BDECED846');
    expect([uuidVersion(v6), uuidVariant(v6)]).toEqual([6, 'RFC4122']);
    const v7 = parse('017F22E2-79B0-7CC3-98C4-DC0C0C07398F');
    expect([uuidVersion(v7), uuidVariant(v7)]).toEqual([7, 'RFC4122']);
    expect(unixSeconds(v7)).toBe(RFC_SECONDS);
  });

  it('names each variant as the runtime does (0xxx is Reserved)', () => {
    const variant = (byte8: string) =>
      uuidVariant(parse(`00000000-0000-0000-${byte8}00-000000000000`));
    expect(['00', '7f', '80', 'bf', 'c0', 'df', 'e0', 'ff'].map(variant)).toEqual([
      'Reserved',
      'Reserved',
      'RFC4122',
      'RFC4122',
      'Microsoft',
      'Microsoft',
      'Future',
      'Future',
    ]);
  });

  it('divides a v1 time before 1970 toward zero, as Go does', () => {
    // 100 ns ticks 15 s + 1 tick before the Unix epoch: -15.0000001 s truncates to -15.
    const ticks = 122_192_928_000_000_000n - 150_000_001n;
    const h = ticks.toString(16).padStart(15, '0');
    const id = parse(`${h.slice(7)}-${h.slice(3, 7)}-1${h.slice(0, 3)}-8000-000000000000`);
    expect(unixSeconds(id)).toBe(-15n);
  });
});

describe("google/uuid's Parse", () => {
  const id = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

  it('reads the standard, urn, braced and 32-digit forms, hex in either case', () => {
    for (const form of [
      id,
      id.toUpperCase(),
      `urn:uuid:${id}`,
      `URN:UUID:${id}`,
      `{${id}}`,
      `x${id}y`, // only the middle 36 of 38 characters are examined
      id.replaceAll('-', ''),
    ])
      expect(formatUuid(parse(form)), form).toBe(id);
  });

  it('refuses other lengths, misplaced dashes, non-hex and a wrong urn prefix', () => {
    for (const bad of [
      '',
      'not-a-uuid',
      id.slice(0, 35),
      `${id}-extra`,
      id.replace('-', 'x'),
      `${id.slice(0, 7)}-${id[7]}${id.slice(9)}`, // a dash one place early
      id.replace('6b', 'g6'),
      `urn:uuie:${id}`,
      id.replaceAll('-', '').replace('6', 'z'),
      ` ${id}`,
    ])
      expect(parseUuid(text(bad)), bad).toBeNull();
  });
});

describe('generated ids', () => {
  it('have their version and the RFC variant', () => {
    expect([newV1(), newV4(), newV7()].map((b) => [uuidVersion(b), uuidVariant(b)])).toEqual([
      [1, 'RFC4122'],
      [4, 'RFC4122'],
      [7, 'RFC4122'],
    ]);
  });

  it('v7 carries the milliseconds and sorts in the order made, even within one millisecond', () => {
    const ms = Date.UTC(2030, 0, 1);
    const ids = Array.from({ length: 5000 }, () => formatUuid(newV7(ms)));
    expect(ids[0]!.replace('-', '').slice(0, 12)).toBe(ms.toString(16).padStart(12, '0'));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    // Past 4096 in one millisecond the time moves on by one.
    expect(unixSeconds(parse(ids.at(-1)!))).toBe(BigInt(Math.floor(ms / 1000)));
  });

  it('v1 carries the time and a node with the multicast bit; ids in one millisecond differ', () => {
    const ms = Date.UTC(2031, 5, 1, 12);
    const ids = Array.from({ length: 100 }, () => newV1(ms));
    expect(unixSeconds(ids[0]!)).toBe(BigInt(ms / 1000));
    expect(parseInt(nodeHex(ids[0]!).slice(0, 2), 16) & 1).toBe(1);
    expect(new Set(ids.map(formatUuid)).size).toBe(100);
    expect(new Set(ids.map(nodeHex)).size).toBe(1);
  });

  it('v4 ids differ', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => formatUuid(newV4())));
    expect(ids.size).toBe(1000);
  });
});
