/**
 * FNV-1 and FNV-1a against the reference's test vectors (Go's hash/fnv golden values) and a
 * BigInt transcription of the definition over many lengths.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fnv32, fnv64, type FnvVariant } from './fnv.ts';

const text = (s: string) => new TextEncoder().encode(s);

/** The definition, word for word, in BigInt: slow but plainly right. */
function reference(data: Uint8Array, bits: 32 | 64, variant: FnvVariant): bigint {
  const mask = (1n << BigInt(bits)) - 1n;
  const prime = bits === 32 ? 0x01000193n : 0x100000001b3n;
  let h = bits === 32 ? 0x811c9dc5n : 0xcbf29ce484222325n;
  for (const byte of data) {
    if (variant === '1a') h ^= BigInt(byte);
    h = (h * prime) & mask;
    if (variant === '1') h ^= BigInt(byte);
  }
  return h;
}

describe('fnv', () => {
  it('gives the known vectors', () => {
    const cases: [string, number, number, bigint, bigint][] = [
      ['', 0x811c9dc5, 0x811c9dc5, 0xcbf29ce484222325n, 0xcbf29ce484222325n],
      ['a', 0x050c5d7e, 0xe40c292c, 0xaf63bd4c8601b7ben, 0xaf63dc4c8601ec8cn],
      ['foobar', 0x31f0b262, 0xbf9cf968, 0x340d8765a4dda9c2n, 0x85944171f73967e8n],
    ];
    for (const [input, v32, v32a, v64, v64a] of cases) {
      expect(fnv32(text(input), '1'), input).toBe(v32);
      expect(fnv32(text(input), '1a'), input).toBe(v32a);
      expect(fnv64(text(input), '1'), input).toBe(v64);
      expect(fnv64(text(input), '1a'), input).toBe(v64a);
    }
  });

  it('agrees with the definition on 0..200 random bytes', () => {
    for (let length = 0; length <= 200; length++) {
      const data = new Uint8Array(randomBytes(length));
      for (const variant of ['1', '1a'] as const) {
        expect(BigInt(fnv32(data, variant)), `${variant}, ${length}`).toBe(
          reference(data, 32, variant),
        );
        expect(fnv64(data, variant), `${variant}, ${length}`).toBe(reference(data, 64, variant));
      }
    }
  });

  it('agrees with the definition on a long input of every byte value', () => {
    const data = new Uint8Array(20_000).map((_, i) => (i * 7) & 255);
    expect(fnv64(data, '1a')).toBe(reference(data, 64, '1a'));
    expect(BigInt(fnv32(data, '1a'))).toBe(reference(data, 32, '1a'));
  });
});
