/**
 * A UUID's 16 bytes and what the platform reads from them, as github.com/google/uuid v1.6.0
 * (the runtime's dependency) does: `Parse`, `String`, `Version`, `Variant`, `Time`/`UnixTime`,
 * `NodeID`, and `NewHash` for v3/v5.
 */

export type UuidBytes = Uint8Array;

/** Byte offsets of the hex pairs in `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` (uuid.go Parse). */
const HEX_PAIRS = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];
const DASH = 0x2d;
const URN_PREFIX = 'urn:uuid:';

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

/** Go's `xtob`: two hex digits to a byte, or -1. */
function hexByte(text: Uint8Array, at: number): number {
  const high = hexValue(text[at]!);
  const low = hexValue(text[at + 1]!);
  return high < 0 || low < 0 ? -1 : (high << 4) | low;
}

function isUrnPrefix(text: Uint8Array): boolean {
  for (let i = 0; i < URN_PREFIX.length; i++) {
    // strings.EqualFold on ASCII: letters compare without case.
    if ((text[i]! | 0x20) !== URN_PREFIX.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * google/uuid `Parse`: 36 characters with dashes; with `urn:uuid:` in front (any case); 38
 * characters, of which only the middle 36 are read (`{…}`, the first and last unchecked); or
 * 32 hex digits. Hex in either case. Null when the text is none of these.
 */
export function parseUuid(text: Uint8Array): UuidBytes | null {
  const bytes = new Uint8Array(16);
  let body = text;
  switch (text.length) {
    case 36:
      break;
    case 36 + URN_PREFIX.length:
      if (!isUrnPrefix(text)) return null;
      body = text.subarray(URN_PREFIX.length);
      break;
    case 38:
      body = text.subarray(1);
      break;
    case 32:
      for (let i = 0; i < 16; i++) {
        const value = hexByte(text, i * 2);
        if (value < 0) return null;
        bytes[i] = value;
      }
      return bytes;
    default:
      return null;
  }
  if (body[8] !== DASH || body[13] !== DASH || body[18] !== DASH || body[23] !== DASH) return null;
  for (let i = 0; i < 16; i++) {
    const value = hexByte(body, HEX_PAIRS[i]!);
    if (value < 0) return null;
    bytes[i] = value;
  }
  return bytes;
}

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** `String()`: lowercase, with dashes. */
export function formatUuid(bytes: UuidBytes): string {
  const h = hex(bytes);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Set the version nibble and the RFC 4122 / 9562 variant bits (10xx). */
export function stampVersion(bytes: UuidBytes, version: number): UuidBytes {
  bytes[6] = (bytes[6]! & 0x0f) | (version << 4);
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return bytes;
}

export function uuidVersion(bytes: UuidBytes): number {
  return bytes[6]! >> 4;
}

/**
 * `Variant()` named as the runtime's module names it: 10xx RFC4122, 110x Microsoft, 111x
 * Future, and Reserved for 0xxx (google/uuid never answers Invalid, and the module's "NCS"
 * default is unreachable).
 */
export function uuidVariant(bytes: UuidBytes): 'RFC4122' | 'Microsoft' | 'Future' | 'Reserved' {
  const b = bytes[8]!;
  if ((b & 0xc0) === 0x80) return 'RFC4122';
  if ((b & 0xe0) === 0xc0) return 'Microsoft';
  if ((b & 0xe0) === 0xe0) return 'Future';
  return 'Reserved';
}

/** 100-ns intervals between 1582-10-15 (the Gregorian reform, v1's epoch) and 1970-01-01. */
export const GREGORIAN_TO_UNIX_100NS = 122_192_928_000_000_000n;

function bigEndian(bytes: Uint8Array, from: number, to: number): bigint {
  let value = 0n;
  for (let i = from; i < to; i++) value = (value << 8n) | BigInt(bytes[i]!);
  return value;
}

/**
 * `Time().UnixTime()` seconds, for the versions the runtime's `parse` reports (1 and 7): v7's
 * 48-bit milliseconds; v1's 60-bit count of 100 ns since 1582 (time_low, time_mid, time_hi),
 * divided toward zero as Go divides.
 */
export function unixSeconds(bytes: UuidBytes): bigint {
  if (uuidVersion(bytes) === 7) return bigEndian(bytes, 0, 6) / 1000n;
  const low = bigEndian(bytes, 0, 4);
  const mid = bigEndian(bytes, 4, 6);
  const high = bigEndian(bytes, 6, 8) & 0xfffn;
  const ticks = (high << 48n) | (mid << 32n) | low;
  return (ticks - GREGORIAN_TO_UNIX_100NS) / 10_000_000n;
}

/** The node field (bytes 10-15) as 12 lowercase hex digits. */
export function nodeHex(bytes: UuidBytes): string {
  return hex(bytes.subarray(10, 16));
}

/** `NewHash`: the digest of namespace bytes then name, cut to 16 bytes and stamped. */
export function hashedUuid(
  digest: (message: Uint8Array) => Uint8Array,
  namespace: UuidBytes,
  name: Uint8Array,
  version: 3 | 5,
): UuidBytes {
  const message = new Uint8Array(16 + name.length);
  message.set(namespace);
  message.set(name, 16);
  return stampVersion(digest(message).slice(0, 16), version);
}
