/** The synchronous MD5 and SHA-1 against node:crypto and the RFCs' own test vectors. */
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { md5 } from './md5.ts';
import { sha1 } from './sha1.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const text = (s: string) => new TextEncoder().encode(s);
const nodeDigest = (algorithm: string, bytes: Uint8Array) =>
  createHash(algorithm).update(bytes).digest('hex');

describe('md5 and sha1', () => {
  it('give the RFC 1321 and RFC 3174 test vectors', () => {
    expect(hex(md5(text('')))).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(hex(md5(text('abc')))).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(hex(md5(text('message digest')))).toBe('f96b697d7cb7938d525a2f31aaf161d0');
    expect(hex(md5(text('1234567890'.repeat(8))))).toBe('57edf4a22be3c955ac49da2e2107b67a');
    expect(hex(sha1(text('abc')))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(hex(sha1(text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '84983e441c3bd26ebaae4aa1f95129e5e54670f1',
    );
  });

  it('agree with node:crypto on every length around the block and padding edges', () => {
    for (let length = 0; length <= 200; length++) {
      const bytes = new Uint8Array(randomBytes(length));
      expect(hex(md5(bytes)), `md5 of ${length} bytes`).toBe(nodeDigest('md5', bytes));
      expect(hex(sha1(bytes)), `sha1 of ${length} bytes`).toBe(nodeDigest('sha1', bytes));
    }
  });

  it('agree with node:crypto on a long message of every byte value', () => {
    const bytes = new Uint8Array(100_003).map((_, i) => (i * 7) & 255);
    expect(hex(md5(bytes))).toBe(nodeDigest('md5', bytes));
    expect(hex(sha1(bytes))).toBe(nodeDigest('sha1', bytes));
  });
});
