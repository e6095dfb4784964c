/**
 * FNV-1a (Fowler/Noll/Vo; Go's hash/fnv New32a, New64a) and FNV-1 (New32, New64), 32 and 64
 * bits. The 64-bit state is two 32-bit halves: a BigInt per byte would be slow on a megabyte.
 */

const OFFSET_32 = 0x811c9dc5;
const PRIME_32 = 0x01000193;
/** 14695981039346656037, as (high, low). */
const OFFSET_64_HIGH = 0xcbf29ce4;
const OFFSET_64_LOW = 0x84222325;
/** The 64-bit prime 2^40 + 0x1b3: a product is (h << 40) + h * 0x1b3. */
const PRIME_64_LOW_PART = 0x1b3;
const TWO_32 = 0x1_0000_0000;

export type FnvVariant = '1' | '1a';

export function fnv32(data: Uint8Array, variant: FnvVariant): number {
  let h = OFFSET_32;
  for (const byte of data) {
    if (variant === '1a') h ^= byte;
    h = Math.imul(h, PRIME_32);
    if (variant === '1') h ^= byte;
  }
  return h >>> 0;
}

export function fnv64(data: Uint8Array, variant: FnvVariant): bigint {
  let high = OFFSET_64_HIGH;
  let low = OFFSET_64_LOW;
  for (const byte of data) {
    if (variant === '1a') low = (low ^ byte) >>> 0;
    // Each partial product stays below 2^42, exact in a double.
    const lowProduct = low * PRIME_64_LOW_PART;
    high =
      (high * PRIME_64_LOW_PART + Math.floor(lowProduct / TWO_32) + ((low << 8) >>> 0)) % TWO_32;
    low = lowProduct % TWO_32;
    if (variant === '1') low = (low ^ byte) >>> 0;
  }
  return (BigInt(high) << 32n) | BigInt(low);
}
