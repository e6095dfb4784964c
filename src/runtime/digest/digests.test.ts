/** The synchronous digests against node:crypto and the RFCs' and FIPS 180's own test vectors. */
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { md5 } from './md5.ts';
import { sha1 } from './sha1.ts';
import { sha256 } from './sha256.ts';
import { sha512 } from './sha512.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const text = (s: string) => new TextEncoder().encode(s);
const nodeDigest = (algorithm: string, bytes: Uint8Array) =>
  createHash(algorithm).update(bytes).digest('hex');

const DIGESTS = { md5, sha1, sha256, sha512 };

describe('the synchronous digests', () => {
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

  it('give the FIPS 180 examples for SHA-256 and SHA-512', () => {
    expect(hex(sha256(text('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(hex(sha256(text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(hex(sha512(text('abc')))).toBe(
      'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a' +
        '2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
    );
    const twoBlocks =
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno' +
      'ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu';
    expect(hex(sha512(text(twoBlocks)))).toBe(
      '8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018' +
        '501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909',
    );
  });

  it('agree with node:crypto on every length around the block and padding edges', () => {
    // 0..200 crosses SHA-512's 128-byte block and its 112-byte padding edge, the others' 64/56.
    for (let length = 0; length <= 200; length++) {
      const bytes = new Uint8Array(randomBytes(length));
      for (const [name, digest] of Object.entries(DIGESTS))
        expect(hex(digest(bytes)), `${name} of ${length} bytes`).toBe(nodeDigest(name, bytes));
    }
  });

  it('agree with node:crypto on a megabyte of every byte value', () => {
    const bytes = new Uint8Array(1 << 20).map((_, i) => (i * 7) & 255);
    for (const [name, digest] of Object.entries(DIGESTS))
      expect(hex(digest(bytes)), name).toBe(nodeDigest(name, bytes));
  });
});
